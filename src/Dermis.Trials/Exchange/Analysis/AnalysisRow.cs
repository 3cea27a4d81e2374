namespace Dermis.Trials.Exchange.Analysis;

/// <summary>
/// One participant-visit of the analysis-ready table (<see cref="AnalysisCsv"/>): the endpoints of
/// an atopic dermatitis trial at one scheduled visit, with baseline, change and responder flags.
/// Null means missing (written as an empty cell, never 0). Change, percent change and responders
/// are filled only for visits after the anchor visit that have both a value and a baseline.
/// </summary>
/// <param name="Study">Study id.</param>
/// <param name="Site">Site id.</param>
/// <param name="Participant">Screening number.</param>
/// <param name="Arm">Arm id when arms are visible; <c>blinded</c> in a blinded export; null when not randomised.</param>
/// <param name="Visit">Protocol visit id.</param>
/// <param name="VisitDay">The protocol's target day of the visit.</param>
/// <param name="VisitDate">Date of the visit.</param>
/// <param name="StudyDay">Study day of the visit date (anchor = day 1, no day 0), or null without an anchor date.</param>
/// <param name="Easi">EASI total (0–72), exact.</param>
/// <param name="EasiBaseline">EASI at baseline.</param>
/// <param name="EasiChange">EASI − baseline, exact.</param>
/// <param name="EasiPercentChange">100 × (EASI − baseline) / baseline (negative = better), to decimal's 28 digits; null when the baseline is 0.</param>
/// <param name="Easi50">Improvement of at least 50 % of baseline.</param>
/// <param name="Easi75">Improvement of at least 75 % of baseline.</param>
/// <param name="Easi90">Improvement of at least 90 % of baseline.</param>
/// <param name="Viga">vIGA-AD grade (0–4).</param>
/// <param name="VigaBaseline">vIGA-AD grade at baseline.</param>
/// <param name="Iga01">IGA 0/1 responder: grade 0 or 1 and at least 2 grades below baseline.</param>
/// <param name="ItchMean">Weekly mean of the daily Peak Pruritus NRS (0–10), to decimal's 28 digits.</param>
/// <param name="ItchBaseline">Weekly itch mean at baseline.</param>
/// <param name="ItchChange">Itch mean − baseline.</param>
/// <param name="ItchResponder">Improvement of at least 4 points from baseline, decided on exact fractions.</param>
/// <param name="Poem">POEM total (0–28).</param>
/// <param name="PoemBaseline">POEM at baseline.</param>
/// <param name="PoemChange">POEM − baseline.</param>
/// <param name="Dlqi">DLQI total (0–30).</param>
/// <param name="DlqiBaseline">DLQI at baseline.</param>
/// <param name="DlqiChange">DLQI − baseline.</param>
public sealed record AnalysisRow(
    string Study,
    string Site,
    string Participant,
    string? Arm,
    string Visit,
    int VisitDay,
    DateOnly VisitDate,
    int? StudyDay,
    decimal? Easi,
    decimal? EasiBaseline,
    decimal? EasiChange,
    decimal? EasiPercentChange,
    bool? Easi50,
    bool? Easi75,
    bool? Easi90,
    int? Viga,
    int? VigaBaseline,
    bool? Iga01,
    decimal? ItchMean,
    decimal? ItchBaseline,
    decimal? ItchChange,
    bool? ItchResponder,
    int? Poem,
    int? PoemBaseline,
    int? PoemChange,
    int? Dlqi,
    int? DlqiBaseline,
    int? DlqiChange);
