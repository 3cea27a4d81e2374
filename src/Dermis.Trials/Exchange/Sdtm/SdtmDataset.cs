namespace Dermis.Trials.Exchange.Sdtm;

/// <summary>
/// One SDTM-shaped dataset (a domain of the CDISC Study Data Tabulation Model, SDTMIG v3.3/v3.4):
/// its variables in dataset order and its records, every value as text (ISO 8601 dates, numbers
/// in invariant culture without trailing zeros, empty for null).
/// </summary>
/// <param name="Domain">Two-letter domain code, e.g. <c>DM</c>, <c>QS</c>.</param>
/// <param name="Label">Dataset label, e.g. <c>Demographics</c>.</param>
/// <param name="Variables">Variables in dataset order; each row has one value per variable.</param>
/// <param name="Rows">Records sorted by USUBJID, then date, then sequence; empty string for a null value.</param>
public sealed record SdtmDataset(string Domain, string Label, IReadOnlyList<SdtmVariable> Variables, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The position of <paramref name="variable"/> in <see cref="Variables"/>.</summary>
    /// <exception cref="ArgumentException">The dataset has no such variable.</exception>
    public int IndexOf(string variable)
    {
        for (var i = 0; i < Variables.Count; i++)
        {
            if (Variables[i].Name == variable)
            {
                return i;
            }
        }

        throw new ArgumentException($"{Domain} has no variable {variable}; variables: {string.Join(", ", Variables.Select(v => v.Name))}", nameof(variable));
    }
}

/// <summary>
/// Metadata of one SDTM variable, as a define.xml ItemDef describes it (CDISC Define-XML v2.1).
/// </summary>
/// <param name="Name">Variable name (≤ 8 characters, SDTMIG naming), e.g. <c>USUBJID</c>.</param>
/// <param name="Label">Variable label (≤ 40 characters).</param>
/// <param name="Type"><c>Char</c> or <c>Num</c>.</param>
/// <param name="Length">For <c>Char</c>: the longest value in the dataset (at least 1); for <c>Num</c>: 8 (the SAS numeric length).</param>
/// <param name="CodeList">Controlled terminology the values come from (an NCI/CDISC codelist name, ISO 8601, ISO 3166-1), or null.</param>
/// <param name="Origin"><c>CRF</c> (collected on an eCRF or the participant app), <c>Derived</c> (computed by Dermis), <c>Assigned</c> (set by the export) or <c>Protocol</c> (from the protocol).</param>
/// <param name="Comment">How Dermis fills it, when that is not obvious; or null.</param>
public sealed record SdtmVariable(string Name, string Label, string Type, int? Length, string? CodeList, string Origin, string? Comment);
