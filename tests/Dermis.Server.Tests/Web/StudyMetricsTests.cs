using Dermis.Server.Web.Dashboard;
using Dermis.Storage.Trials;

namespace Dermis.Server.Tests.Web;

public sealed class StudyMetricsTests
{
    private static readonly DateOnly Today = new(2026, 1, 31);

    private static StudyMetrics Compute()
    {
        SiteRow[] sites =
        [
            new() { Id = "S1", Capacity = 365, ActivationDate = "2026-01-01" },
            new() { Id = "S2", Capacity = 10 },
        ];
        ParticipantRow[] participants =
        [
            new() { Id = 1, SiteId = "S1", Status = "randomised", AnchorDate = "2026-01-05" },
            new() { Id = 2, SiteId = "S1", Status = "randomised", AnchorDate = "2026-01-05" },
            new() { Id = 3, SiteId = "S1", Status = "enrolled", AnchorDate = "2026-01-09" },
            new() { Id = 4, SiteId = "S1", Status = "screenFailed" },
            new() { Id = 5, SiteId = "OTHER", Status = "screened" }, // a site the reader may not see
        ];
        StudyVisitRow[] visits =
        [
            new() { SiteId = "S1", WindowStatus = "inWindow" }, new() { SiteId = "S1", WindowStatus = "inWindow" },
            new() { SiteId = "S1", WindowStatus = "inWindow" }, new() { SiteId = "S1", WindowStatus = "late" },
            new() { SiteId = "S1", WindowStatus = "notApplicable" },
        ];
        FormEntryRow[] entries =
        [
            new() { SiteId = "S1", VisitDate = "2026-01-10", EnteredAt = "2026-01-10T09:00:00.000000Z" }, // 0 d
            new() { SiteId = "S1", VisitDate = "2026-01-10", EnteredAt = "2026-01-11T09:00:00.000000Z" }, // 1 d
            new() { SiteId = "S1", VisitDate = "2026-01-10", EnteredAt = "2026-01-13T09:00:00.000000Z" }, // 3 d
            new() { SiteId = "S1", VisitDate = "2026-01-10", EnteredAt = "2026-01-17T09:00:00.000000Z" }, // 7 d
        ];
        QueryRow[] queries =
        [
            new() { SiteId = "S1", State = "open", OpenedAt = "2026-01-20T10:00:00.000000Z" },     // 11 d → 8–14
            new() { SiteId = "S1", State = "answered", OpenedAt = "2026-01-01T10:00:00.000000Z" }, // 30 d → 15–30
            new() { SiteId = "S1", State = "closed", OpenedAt = "2025-06-01T10:00:00.000000Z" },   // closed: not aged
            new() { SiteId = "S2", State = "open", OpenedAt = "2025-12-01T10:00:00.000000Z" },     // 61 d → > 30
        ];
        return StudyMetrics.Compute(sites, participants, visits, entries, queries, Today);
    }

    [Fact]
    public void Site_indicators_match_the_hand_counts()
    {
        var s1 = Compute().Sites[0];

        Assert.Equal(("S1", 4, 1, 3, 365L), (s1.SiteId, s1.Screened, s1.ScreenFailed, s1.Enrolled, s1.Capacity));
        Assert.Equal(25.0m, s1.ScreenFailurePercent);      // 1 / 4
        Assert.Equal(75.0m, s1.VisitCompliancePercent);    // 3 / (3 + 1); not-applicable visits left out
        Assert.Equal(2m, s1.MedianEntryLagDays);           // median of 0, 1, 3, 7 = (1 + 3) / 2
        Assert.Equal((1, 1, 1), (s1.OpenQueries, s1.AnsweredQueries, s1.ClosedQueries));
    }

    [Fact]
    public void A_site_without_data_has_no_rates_and_unseen_sites_are_not_counted()
    {
        var metrics = Compute();
        var s2 = metrics.Sites[1];

        Assert.Equal(2, metrics.Sites.Count);
        Assert.Equal((0, 0m, (decimal?)null, (decimal?)null), (s2.Screened, s2.ScreenFailurePercent, s2.VisitCompliancePercent, s2.MedianEntryLagDays));
    }

    [Fact]
    public void Enrolment_is_cumulative_per_day_and_the_plan_is_linear_from_activation()
    {
        var metrics = Compute();

        Assert.Equal([(new DateOnly(2026, 1, 5), 2m), (new DateOnly(2026, 1, 9), 3m)], metrics.EnrolmentActual);
        // S1: 365 participants over 365 days from 1 Jan: 31 on 1 Feb, 59 on 1 Mar (31 + 28); S2 has no activation date.
        Assert.Equal((new DateOnly(2026, 1, 1), 0m), metrics.EnrolmentPlan[0]);
        Assert.Equal((new DateOnly(2026, 2, 1), 31m), metrics.EnrolmentPlan[1]);
        Assert.Equal((new DateOnly(2026, 3, 1), 59m), metrics.EnrolmentPlan[2]);
        Assert.Equal(365m, metrics.EnrolmentPlan[^1].Count);
    }

    [Fact]
    public void Unresolved_queries_are_aged_in_buckets()
    {
        Assert.Equal([0, 1, 1, 1], Compute().QueryAges.Select(b => b.Count));
    }
}
