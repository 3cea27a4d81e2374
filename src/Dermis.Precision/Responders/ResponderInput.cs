namespace Dermis.Precision.Responders;

/// <summary>One participant's baseline and visit value of an endpoint's instrument, with the intercurrent events before the visit.</summary>
/// <param name="Subject">Participant identifier; unique within one analysis.</param>
/// <param name="Arm">Randomised arm (treatment-policy: as randomised).</param>
/// <param name="Stratum">Randomisation stratum (e.g. "EU/IGA4"); the CMH and stratified risk difference group by it.</param>
/// <param name="Baseline">Baseline score in the instrument's units (EASI 0–72, HECSI 0–360, vIGA-AD 0–4, NRS 0–10); null when missing.</param>
/// <param name="Value">Score at the visit, same units; null when missing.</param>
/// <param name="RescuedBefore">Rescue therapy started before the visit.</param>
/// <param name="DiscontinuedBefore">Study treatment discontinued before the visit.</param>
public sealed record ResponderInput(string Subject, string Arm, string Stratum, decimal? Baseline, decimal? Value, bool RescuedBefore, bool DiscontinuedBefore);

/// <summary>Responders and non-responders of both arms in one stratum (a 2×2 table: rows treated/control, columns responder/non-responder).</summary>
/// <param name="Stratum">Stratum label.</param>
/// <param name="RespondersTreated">Responders in the treated arm, 0 ≤ value ≤ <paramref name="TotalTreated"/>.</param>
/// <param name="TotalTreated">Evaluable participants in the treated arm, ≥ 0.</param>
/// <param name="RespondersControl">Responders in the control arm, 0 ≤ value ≤ <paramref name="TotalControl"/>.</param>
/// <param name="TotalControl">Evaluable participants in the control arm, ≥ 0.</param>
public sealed record StratumCounts(string Stratum, int RespondersTreated, int TotalTreated, int RespondersControl, int TotalControl)
{
    /// <summary>All participants in the stratum.</summary>
    public int Total => TotalTreated + TotalControl;

    /// <summary>
    /// True when both arms and both outcomes occur. A stratum without that has a zero margin and contributes
    /// nothing to the CMH statistic, its variance or the MH odds ratio (R's mantelhaen.test gives it zero weight).
    /// </summary>
    public bool HasNoZeroMargin => TotalTreated > 0 && TotalControl > 0
        && RespondersTreated + RespondersControl > 0
        && RespondersTreated + RespondersControl < Total;

    /// <summary>Throws <see cref="ArgumentException"/> naming the field when a count is outside its range.</summary>
    internal void Validate(string parameterName)
    {
        if (TotalTreated < 0)
        {
            throw new ArgumentException($"{parameterName}: stratum '{Stratum}' TotalTreated = {TotalTreated}; allowed ≥ 0.", parameterName);
        }

        if (TotalControl < 0)
        {
            throw new ArgumentException($"{parameterName}: stratum '{Stratum}' TotalControl = {TotalControl}; allowed ≥ 0.", parameterName);
        }

        if (RespondersTreated < 0 || RespondersTreated > TotalTreated)
        {
            throw new ArgumentException($"{parameterName}: stratum '{Stratum}' RespondersTreated = {RespondersTreated}; allowed 0–{TotalTreated} (TotalTreated).", parameterName);
        }

        if (RespondersControl < 0 || RespondersControl > TotalControl)
        {
            throw new ArgumentException($"{parameterName}: stratum '{Stratum}' RespondersControl = {RespondersControl}; allowed 0–{TotalControl} (TotalControl).", parameterName);
        }
    }
}
