namespace Dermis.Precision.Endpoints;

/// <summary>
/// What the endpoint analyses need of a study, flattened from its casebooks: the schedule, the arms
/// to compare, the stratification factors, and per randomised participant the baselines and the
/// scheduled visits with data. The server builds it from storage; the analyses never see storage.
/// </summary>
/// <param name="Study">Study id.</param>
/// <param name="Visits">Scheduled post-baseline visits in protocol order (the analysis visits).</param>
/// <param name="StrataFactors">Stratification factor ids, in the order of <see cref="EndpointParticipant.Strata"/>.</param>
/// <param name="TreatedArm">The arm compared with <paramref name="ControlArm"/>.</param>
/// <param name="ControlArm">The reference arm (placebo).</param>
/// <param name="Participants">Randomised participants of the two arms.</param>
public sealed record EndpointDataset(
    string Study,
    IReadOnlyList<AnalysisVisit> Visits,
    IReadOnlyList<string> StrataFactors,
    string TreatedArm,
    string ControlArm,
    IReadOnlyList<EndpointParticipant> Participants);

/// <summary>A scheduled visit of the analysis.</summary>
/// <param name="Id">Protocol visit id, e.g. <c>week16</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Day">Target study day.</param>
public sealed record AnalysisVisit(string Id, string Name, int Day);

/// <summary>One randomised participant.</summary>
/// <param name="Subject">Screening number.</param>
/// <param name="Site">Site id.</param>
/// <param name="Arm">Allocated arm.</param>
/// <param name="Strata">The level of each stratification factor at randomisation.</param>
/// <param name="Baseline">Values at baseline.</param>
/// <param name="DiscontinuedOnDay">Study day the participant withdrew or was lost to follow-up; null while on study.</param>
/// <param name="Visits">Post-baseline scheduled visits with data (a visit absent here is missing).</param>
public sealed record EndpointParticipant(
    string Subject,
    string Site,
    string Arm,
    IReadOnlyList<string> Strata,
    EndpointValues Baseline,
    int? DiscontinuedOnDay,
    IReadOnlyList<EndpointVisitValues> Visits)
{
    /// <summary>The stratification levels joined as one CMH stratum, e.g. <c>EU/4</c>; <c>all</c> without factors.</summary>
    public string Stratum => Strata.Count == 0 ? "all" : string.Join('/', Strata);
}

/// <summary>Scores at one time point; null = not measured.</summary>
/// <param name="Easi">EASI total (0–72).</param>
/// <param name="Viga">vIGA-AD grade (0–4).</param>
/// <param name="Itch">Weekly mean Peak Pruritus NRS (0–10).</param>
/// <param name="Hecsi">HECSI total (0–360).</param>
public sealed record EndpointValues(decimal? Easi, decimal? Viga, decimal? Itch, decimal? Hecsi);

/// <summary>A participant's scores at a post-baseline visit.</summary>
/// <param name="Visit">Protocol visit id.</param>
/// <param name="Values">The scores.</param>
/// <param name="RescuedBefore">Rescue therapy was recorded before this visit (an intercurrent event).</param>
public sealed record EndpointVisitValues(string Visit, EndpointValues Values, bool RescuedBefore = false);
