using Dermis.Storage.Trials;
using Dermis.Trials.Participants;
using Dermis.Trials.Workflow;

namespace Dermis.Server.Web.Dashboard;

/// <summary>One site's key performance indicators, the ones a CRO runs a site network on.</summary>
/// <param name="SiteId">Site.</param>
/// <param name="Screened">Participants screened (every status).</param>
/// <param name="ScreenFailed">Screen failures.</param>
/// <param name="Enrolled">Participants past day 1 (an anchor date).</param>
/// <param name="Capacity">Planned enrolment.</param>
/// <param name="VisitsInWindow">Recorded scheduled visits inside their window.</param>
/// <param name="VisitsOutOfWindow">Recorded scheduled visits early or late.</param>
/// <param name="OpenQueries">Queries waiting for the site.</param>
/// <param name="AnsweredQueries">Queries waiting for the monitor.</param>
/// <param name="ClosedQueries">Closed queries.</param>
/// <param name="MedianEntryLagDays">Median days from visit to first data entry, or null without forms.</param>
public sealed record SiteMetrics(
    string SiteId, int Screened, int ScreenFailed, int Enrolled, long Capacity, int VisitsInWindow, int VisitsOutOfWindow,
    int OpenQueries, int AnsweredQueries, int ClosedQueries, decimal? MedianEntryLagDays)
{
    /// <summary>Screen failures per participant screened, in percent (0 when none screened).</summary>
    public decimal ScreenFailurePercent => Screened == 0 ? 0 : Math.Round(100m * ScreenFailed / Screened, 1, MidpointRounding.AwayFromZero);

    /// <summary>Recorded visits inside their window, in percent, or null when none is recorded.</summary>
    public decimal? VisitCompliancePercent => VisitsInWindow + VisitsOutOfWindow == 0 ? null
        : Math.Round(100m * VisitsInWindow / (VisitsInWindow + VisitsOutOfWindow), 1, MidpointRounding.AwayFromZero);
}

/// <summary>Unresolved (open or answered) queries by days since opened.</summary>
/// <param name="Label">Bucket label, e.g. "8–14 d".</param>
/// <param name="MaxDays">Upper bound in days (inclusive), or null for the last bucket.</param>
/// <param name="Count">Queries in the bucket.</param>
public sealed record QueryAgeBucket(string Label, int? MaxDays, int Count);

/// <summary>The study dashboard's numbers, computed from study-wide rows in one pass each.</summary>
/// <param name="Sites">Per site, in site order.</param>
/// <param name="EnrolmentActual">Cumulative enrolment (day 1 dates) as (date, participants).</param>
/// <param name="EnrolmentPlan">Cumulative planned enrolment at monthly points.</param>
/// <param name="QueryAges">Ageing of unresolved queries.</param>
public sealed record StudyMetrics(
    IReadOnlyList<SiteMetrics> Sites,
    IReadOnlyList<(DateOnly Date, decimal Count)> EnrolmentActual,
    IReadOnlyList<(DateOnly Date, decimal Count)> EnrolmentPlan,
    IReadOnlyList<QueryAgeBucket> QueryAges)
{
    /// <summary>
    /// The plan: each site reaches its capacity linearly over this many days from its activation date
    /// (a straight-line recruitment plan; a site without an activation date is not planned yet).
    /// </summary>
    public const int RecruitmentDays = 365;

    private static readonly (string Label, int? MaxDays)[] AgeBuckets = [("0–7 d", 7), ("8–14 d", 14), ("15–30 d", 30), ("> 30 d", null)];

    /// <summary>Computes every indicator for the sites in <paramref name="sites"/> as of <paramref name="today"/>.</summary>
    public static StudyMetrics Compute(
        IReadOnlyList<SiteRow> sites, IReadOnlyList<ParticipantRow> participants, IReadOnlyList<StudyVisitRow> visits,
        IReadOnlyList<FormEntryRow> entries, IReadOnlyList<QueryRow> queries, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(queries);

        var siteIndex = new Dictionary<string, int>(sites.Count);
        for (var i = 0; i < sites.Count; i++)
        {
            siteIndex[sites[i].Id] = i;
        }

        var screened = new int[sites.Count];
        var failed = new int[sites.Count];
        var enrolled = new int[sites.Count];
        var enrolmentDates = new List<DateOnly>();
        var screenFailed = Names.Of(ParticipantStatus.ScreenFailed);
        foreach (var p in participants)
        {
            if (!siteIndex.TryGetValue(p.SiteId, out var s))
            {
                continue;
            }

            screened[s]++;
            if (p.Status == screenFailed)
            {
                failed[s]++;
            }

            if (p.AnchorDate is { } anchor)
            {
                enrolled[s]++;
                enrolmentDates.Add(UtcText.ParseDate(anchor));
            }
        }

        var inWindow = new int[sites.Count];
        var outOfWindow = new int[sites.Count];
        foreach (var v in visits)
        {
            if (siteIndex.TryGetValue(v.SiteId, out var s))
            {
                switch (v.WindowStatus)
                {
                    case "inWindow": inWindow[s]++; break;
                    case "early" or "late": outOfWindow[s]++; break;
                }
            }
        }

        var lags = new List<int>[sites.Count];
        foreach (var e in entries)
        {
            if (e.EnteredAt is { Length: >= 10 } entered && siteIndex.TryGetValue(e.SiteId, out var s))
            {
                var days = UtcText.ParseDate(entered[..10]).DayNumber - UtcText.ParseDate(e.VisitDate).DayNumber;
                (lags[s] ??= []).Add(Math.Max(0, days));
            }
        }

        var open = new int[sites.Count];
        var answered = new int[sites.Count];
        var closed = new int[sites.Count];
        var ages = new int[AgeBuckets.Length];
        foreach (var q in queries)
        {
            if (!siteIndex.TryGetValue(q.SiteId, out var s))
            {
                continue;
            }

            switch (q.State)
            {
                case "open": open[s]++; break;
                case "answered": answered[s]++; break;
                default: closed[s]++; continue;
            }

            var age = today.DayNumber - UtcText.ParseDate(q.OpenedAt[..10]).DayNumber;
            var bucket = Array.FindIndex(AgeBuckets, b => b.MaxDays is null || age <= b.MaxDays);
            ages[bucket]++;
        }

        var rows = sites.Select((site, s) => new SiteMetrics(
            site.Id, screened[s], failed[s], enrolled[s], site.Capacity, inWindow[s], outOfWindow[s], open[s], answered[s], closed[s], Median(lags[s]))).ToList();
        return new StudyMetrics(rows, Cumulative(enrolmentDates), Plan(sites, enrolmentDates),
            AgeBuckets.Select((b, i) => new QueryAgeBucket(b.Label, b.MaxDays, ages[i])).ToList());
    }

    /// <summary>The middle value (mean of the two middle ones for an even count), or null for none.</summary>
    internal static decimal? Median(List<int>? values)
    {
        if (values is not { Count: > 0 })
        {
            return null;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2m;
    }

    private static List<(DateOnly, decimal)> Cumulative(List<DateOnly> dates)
    {
        dates.Sort();
        var points = new List<(DateOnly, decimal)>();
        for (var i = 0; i < dates.Count; i++)
        {
            // One point per day: the count at the end of it.
            if (i + 1 == dates.Count || dates[i + 1] != dates[i])
            {
                points.Add((dates[i], i + 1));
            }
        }

        return points;
    }

    /// <summary>Planned cumulative enrolment on the first of each month from the first activation (or enrolment) to the end of recruitment.</summary>
    private static List<(DateOnly, decimal)> Plan(IReadOnlyList<SiteRow> sites, List<DateOnly> enrolment)
    {
        var activations = sites.Where(s => s.ActivationDate is not null).Select(s => (Start: UtcText.ParseDate(s.ActivationDate!), s.Capacity)).ToList();
        if (activations.Count == 0)
        {
            return [];
        }

        var first = activations.Min(a => a.Start);
        var last = activations.Max(a => a.Start).AddDays(RecruitmentDays);
        if (enrolment.Count > 0 && enrolment[0] < first)
        {
            first = enrolment[0];
        }

        var points = new List<(DateOnly, decimal)>();
        for (var day = new DateOnly(first.Year, first.Month, 1); day <= last.AddMonths(1); day = day.AddMonths(1))
        {
            decimal planned = 0;
            foreach (var (start, capacity) in activations)
            {
                var elapsed = Math.Clamp(day.DayNumber - start.DayNumber, 0, RecruitmentDays);
                planned += Math.Round((decimal)capacity * elapsed / RecruitmentDays, 1, MidpointRounding.AwayFromZero);
            }

            points.Add((day, planned));
        }

        return points;
    }
}
