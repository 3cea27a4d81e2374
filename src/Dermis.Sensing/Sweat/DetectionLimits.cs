namespace Dermis.Sensing.Sweat;

/// <summary>
/// Limits of detection and quantification from the blanks, the "blank + k·SD" convention (IUPAC; Armbruster &amp; Pry,
/// Clin Biochem Rev 29:S49, 2008): the response cut-offs mean + 3·SD (LOD) and mean + 10·SD (LOQ) of the blanks
/// (mean − k·SD when the curve decreases) mapped through the inverse curve to concentration. Not the CLSI EP17 LoB/LoD
/// pair nor the Holstein (Anal Chem 87:9795, 2015) method, which need low-concentration replicates.
/// </summary>
/// <param name="BlankCount">Standards at concentration 0.</param>
/// <param name="BlankMean">Mean blank response; null without blanks.</param>
/// <param name="BlankSd">Sample SD (n − 1) of the blank responses; null with fewer than 2 blanks.</param>
/// <param name="LodResponse">Response cut-off mean ± 3·SD; null with fewer than 2 blanks.</param>
/// <param name="LoqResponse">Response cut-off mean ± 10·SD; null with fewer than 2 blanks.</param>
/// <param name="Lod">Limit of detection in concentration units; null when it cannot be computed (see <paramref name="Reason"/>).</param>
/// <param name="Loq">Limit of quantification in concentration units; null when it cannot be computed (see <paramref name="Reason"/>).</param>
/// <param name="Reason">Why <paramref name="Lod"/> or <paramref name="Loq"/> is null; null when both are set.</param>
public sealed record DetectionLimits(int BlankCount, double? BlankMean, double? BlankSd, double? LodResponse, double? LoqResponse, double? Lod, double? Loq, string? Reason);
