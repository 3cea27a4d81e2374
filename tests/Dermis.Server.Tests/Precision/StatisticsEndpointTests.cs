using System.Globalization;
using System.Net;
using System.Text.Json;
using Dermis.Testing;

namespace Dermis.Server.Tests.Precision;

/// <summary>The statistics routes over a small study entered through the API: blinding, counts, report.</summary>
public sealed class StatisticsEndpointTests
{
    public static TheoryData<string> Engines => TestDatabase.Engines;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Endpoint_statistics_stay_blinded_until_the_lock_then_count_responders_by_arm(string engine)
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2027-01-10T09:00:00Z", CultureInfo.InvariantCulture));
        await using var trial = await TrialFixture.StartAsync(engine, clock);
        var s = $"/api/studies/{trial.Study}";
        // 12 participants: baseline EASI 32 (every sign 2, area score 4); at week 16 even-numbered ones reach EASI 2
        // (93.75 % better: EASI-50/75/90), odd-numbered ones EASI 16 (50 %: EASI-50 only); the last has no week-16 visit.
        var expected = new List<(string Participant, bool Responder75, bool Responder50)>();
        for (var i = 0; i < 12; i++)
        {
            var p = await trial.EnrolAsync();
            var (status, _) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/randomise", new { strata = new Dictionary<string, string> { ["region"] = i % 2 == 0 ? "EU" : "NA" } });
            Assert.Equal(HttpStatusCode.OK, status);
            await Easi(trial, p, "baseline", "2026-09-01", sign: 2, area: 4);
            if (i < 11)
            {
                await Easi(trial, p, "week16", "2026-12-22", sign: i % 2 == 0 ? 0 : 2, area: i % 2 == 0 ? 2 : 2, itchSign: i % 2 == 0 ? 1 : 2);
            }

            expected.Add((p, i < 11 && i % 2 == 0, i < 11));
        }

        var (blinded, problem) = await trial.GetAsync("dm", $"{s}/stats/endpoints");
        Assert.Equal(HttpStatusCode.Forbidden, blinded);
        Assert.Contains("blinded", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await trial.PostAsync("dm", $"{s}/locks", new { level = "study", state = "frozen" });
        await trial.PostAsync("dm", $"{s}/locks", new { level = "study", state = "locked" });
        var arms = new Dictionary<string, string>();
        foreach (var (p, _, _) in expected)
        {
            arms[p] = (await trial.GetAsync("dm", $"{s}/participants/{p}")).Body.GetProperty("arm").GetString()!;
        }

        var (ok, body) = await trial.GetAsync("dm", $"{s}/stats/endpoints");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("week16", body.GetProperty("primaryVisit").GetString());
        foreach (var (endpoint, pick) in new (string, Func<(string, bool R75, bool R50), bool>)[] { ("EASI-75", e => e.R75), ("EASI-50", e => e.R50) })
        {
            var analysis = body.GetProperty("responders").EnumerateArray()
                .Single(r => r.GetProperty("endpoint").GetString() == endpoint && r.GetProperty("visit").GetString() == "week16" && r.GetProperty("rule").GetString() == "NRI");
            foreach (var arm in new[] { "active", "placebo" })
            {
                var counts = analysis.GetProperty("arms").EnumerateArray().Single(a => a.GetProperty("arm").GetString() == arm);
                Assert.Equal(expected.Count(e => arms[e.Participant] == arm), counts.GetProperty("evaluable").GetInt32());
                Assert.Equal(expected.Count(e => arms[e.Participant] == arm && pick(e)), counts.GetProperty("responders").GetInt32());
            }
        }

        var client = await trial.ClientAsync("dm");
        using var response = await client.GetAsync($"{s}/stats/report");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var report = await response.Content.ReadAsStringAsync();
        Assert.Contains("forest plot", report, StringComparison.Ordinal);
        // Every baseline EASI is 32 and nothing else was measured: no feature to advise on, and the route says so (422) instead of guessing.
        var (advice, adviceBody) = await trial.GetAsync("dm", $"{s}/participants/{expected[0].Participant}/advice");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, advice);
        Assert.EndsWith("not-enough-data", adviceBody.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal("No baseline feature varies between the 11 participants with a known week16 outcome (each must be measured in at least a fifth of them); advice needs one.",
            adviceBody.GetProperty("detail").GetString());
        var casebook = await client.GetStringAsync($"/studies/{trial.Study}/participants/{expected[0].Participant}?advice=1");
        Assert.Contains("Treatment advice", casebook, StringComparison.Ordinal);
        Assert.Contains("No baseline feature varies between the 11 participants", casebook, StringComparison.Ordinal);
        var (coordinator, _) = await trial.GetAsync("coord.de", $"{s}/stats/endpoints");
        Assert.Equal(HttpStatusCode.Forbidden, coordinator);
        var (badVisit, badBody) = await trial.GetAsync("dm", $"{s}/stats/endpoints?primaryVisit=week99");
        Assert.Equal(HttpStatusCode.BadRequest, badVisit);
        Assert.Contains("week99", badBody.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>A visit on <paramref name="date"/> with an EASI of four regions, every sign <paramref name="sign"/> (the first <paramref name="itchSign"/> when given) and area score <paramref name="area"/>.</summary>
    private static async Task Easi(TrialFixture trial, string participant, string visitId, string date, int sign, int area, int? itchSign = null)
    {
        var s = $"/api/studies/{trial.Study}";
        var (status, visit) = await trial.PostAsync("coord.de", $"{s}/participants/{participant}/visits", new { visit = visitId, date });
        Assert.Equal(HttpStatusCode.Created, status);
        var id = visit.GetProperty("id").GetInt64();
        object Region() => new { erythema = itchSign ?? sign, induration = sign, excoriation = sign, lichenification = sign, area };
        var (saved, body) = await trial.PutAsync("coord.de", $"{s}/participants/{participant}/visits/{id}/forms/easi",
            new { data = new { ageYears = 40, regions = new { head = Region(), upperLimbs = Region(), trunk = Region(), lowerLimbs = Region() } } });
        Assert.True(saved == HttpStatusCode.OK, body.GetRawText());
    }
}
