using System.Net;
using System.Text.Json;
using Dermis.Server.Hosting;
using Dermis.Storage.Trials;
using Dermis.Testing;

namespace Dermis.Server.Tests;

/// <summary>One participant's whole journey over HTTP, with the audit trail of every step, on both databases.</summary>
public sealed class TrialJourneyTests
{
    public static TheoryData<string> Engines => TestDatabase.Engines;

    // Every region erythema 2, induration 2, excoriation 1, lichenification 1 (sum 6) with one area for all:
    // EASI = 6 × area × (0.1 + 0.2 + 0.3 + 0.4) = 6 × area; area 2 → 12 (below the inclusion threshold 16), area 3 → 18.
    private static object Easi(int area, int headArea)
    {
        object Region(int a) => new { erythema = 2, induration = 2, excoriation = 1, lichenification = 1, area = a };
        return new { ageYears = 34, regions = new { head = Region(headArea), upperLimbs = Region(area), trunk = Region(area), lowerLimbs = Region(area) } };
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Participant_journey_from_screening_to_lock_is_enforced_and_fully_audited(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);
        var s = $"/api/studies/{trial.Study}";

        // Screening, consent, eligibility, enrolment.
        var (status, body) = await trial.PostAsync("coord.de", $"{s}/sites/DE01/participants", new { });
        Assert.Equal(HttpStatusCode.Created, status);
        var p = body.GetProperty("screeningNumber").GetString()!;
        Assert.Equal("DE01-0001", p);
        (status, body) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/status", new { action = "enrol" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("urn:dermis:problem:consent-required", body.GetProperty("type").GetString());
        (status, _) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/consent", new { documentVersion = "2.0", signedOn = "2026-08-20", method = "onSite" });
        Assert.Equal(HttpStatusCode.OK, status);
        (status, body) = await trial.PutAsync("coord.de", $"{s}/participants/{p}/eligibility", new { answers = new Dictionary<string, bool> { ["IC1"] = true, ["IC2"] = true, ["EC1"] = true } });
        Assert.False(body.GetProperty("isEligible").GetBoolean());
        (status, body) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/status", new { action = "enrol" });
        Assert.Equal("urn:dermis:problem:not-eligible", body.GetProperty("type").GetString());
        Assert.Contains("fails EC1", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        (status, body) = await trial.PutAsync("coord.de", $"{s}/participants/{p}/eligibility", new { answers = new Dictionary<string, bool> { ["EC1"] = false } });
        Assert.True(body.GetProperty("isEligible").GetBoolean());
        (status, body) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/status", new { action = "enrol" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("enrolled", body.GetProperty("status").GetString());

        // Baseline visit (the anchor) and baseline EASI 12: the edit check opens a query.
        (status, body) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "baseline", date = "2026-09-01" });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("inWindow", body.GetProperty("windowStatus").GetString());
        var baseline = body.GetProperty("id").GetInt64();
        var easiUrl = $"{s}/participants/{p}/visits/{baseline}/forms/easi";
        (status, body) = await trial.PutAsync("coord.de", easiUrl, new { data = Easi(area: 2, headArea: 2) });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(12m, body.GetProperty("derived").GetProperty("total").GetDecimal());
        Assert.Equal("inProgress", body.GetProperty("status").GetString());
        var query = Assert.Single(body.GetProperty("queries").EnumerateArray());
        Assert.Equal("EC-EASI-BL", query.GetProperty("checkId").GetString());
        Assert.Equal("open", query.GetProperty("state").GetString());
        var queryId = query.GetProperty("id").GetInt64();

        // The site answers, the monitor closes.
        (status, body) = await trial.PostAsync("coord.de", $"{s}/queries/{queryId}/answer", new { text = "Re-assessed with the investigator: head area was 10–29 %, corrected." });
        Assert.Equal("answered", body.GetProperty("query").GetProperty("state").GetString());
        (status, _) = await trial.PostAsync("coord.de", $"{s}/queries/{queryId}/close", new { text = "site may not close" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, body) = await trial.PostAsync("mon", $"{s}/queries/{queryId}/close", new { text = "Answer accepted." });
        Assert.Equal("closed", body.GetProperty("query").GetProperty("state").GetString());
        Assert.Equal(3, body.GetProperty("thread").GetArrayLength());

        // Complete, then a correction: stale version 409, no reason 400, with reason 200.
        (status, body) = await trial.PostAsync("coord.de", $"{easiUrl}/actions", new { action = "complete", rowVersion = 1 });
        Assert.Equal("complete", body.GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("rowVersion").GetInt64());
        (status, body) = await trial.PutAsync("coord.de", easiUrl, new { data = Easi(area: 3, headArea: 3), rowVersion = 1, reason = "x" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(ProblemTypes.StaleWrite, body.GetProperty("type").GetString());
        (status, body) = await trial.PutAsync("coord.de", easiUrl, new { data = Easi(area: 3, headArea: 3), rowVersion = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("reason", out _));
        (status, body) = await trial.PutAsync("coord.de", easiUrl, new { data = Easi(area: 3, headArea: 3), rowVersion = 2, reason = "Transcription error: areas 30–49 % per source" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(18m, body.GetProperty("derived").GetProperty("total").GetDecimal());
        Assert.Equal("complete", body.GetProperty("status").GetString());

        // Week 4 on day 42 instead of 29 ± 3: late, recorded as a deviation.
        (status, body) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "week4", date = "2026-10-12" });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("late", body.GetProperty("windowStatus").GetString());
        Assert.Equal(10, body.GetProperty("daysOutside").GetInt32());
        Assert.Equal("2026-09-29", body.GetProperty("target").GetString());

        // The investigator signs the baseline visit; a wrong password is refused; a coordinator cannot sign.
        (status, _) = await trial.PostAsync("inv.de", $"{s}/participants/{p}/signatures", new { visit = baseline, password = "wrong password!", meaning = "I approve" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, _) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/signatures", new { visit = baseline, password = TestServerHost.Password, meaning = "I approve" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, body) = await trial.PostAsync("inv.de", $"{s}/participants/{p}/signatures",
            new { visit = baseline, password = TestServerHost.Password, meaning = "I confirm the baseline data are accurate and complete." });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Dr. Ines Weber", body.GetProperty("signerName").GetString());
        (_, body) = await trial.GetAsync("coord.de", easiUrl);
        Assert.Equal("signed", body.GetProperty("status").GetString());

        // A later change invalidates the signature, visibly.
        (status, _) = await trial.PutAsync("coord.de", easiUrl, new { data = Easi(area: 3, headArea: 4), rowVersion = 4, reason = "Head area re-measured" });
        Assert.Equal(HttpStatusCode.OK, status);
        (_, body) = await trial.GetAsync("coord.de", $"{s}/participants/{p}");
        var signature = Assert.Single(body.GetProperty("signatures").EnumerateArray());
        Assert.False(signature.GetProperty("valid").GetBoolean());
        Assert.Contains("form easi of visit baseline changed by coord.de", signature.GetProperty("invalidatedReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("complete", body.GetProperty("visits")[0].GetProperty("forms").EnumerateArray().First(f => f.GetProperty("form").GetString() == "easi").GetProperty("status").GetString());
        var deviation = Assert.Single(body.GetProperty("deviations").EnumerateArray());
        Assert.Equal("visitOutOfWindow", deviation.GetProperty("kind").GetString());

        // Lock the participant: nothing changes any more.
        (status, _) = await trial.PostAsync("coord.de", $"{s}/locks", new { level = "participant", target = p, state = "locked" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, body) = await trial.PostAsync("dm", $"{s}/locks", new { level = "participant", target = p, state = "locked" });
        Assert.Equal(HttpStatusCode.OK, status);
        (status, body) = await trial.PutAsync("coord.de", easiUrl, new { data = Easi(area: 4, headArea: 4), rowVersion = 5, reason = "after lock" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("urn:dermis:problem:locked", body.GetProperty("type").GetString());

        // Another site's coordinator sees nothing of it.
        (status, _) = await trial.GetAsync("coord.fr", $"{s}/participants/{p}");
        Assert.Equal(HttpStatusCode.NotFound, status);

        // The audit trail of every step, in order, with who, role, source, old and new values and reasons.
        (status, body) = await trial.GetAsync("dm", $"{s}/audit?participant={p}");
        Assert.Equal(HttpStatusCode.OK, status);
        var audit = body.EnumerateArray().ToList();
        string Step(JsonElement a) => $"{a.GetProperty("entity").GetString()}:{a.GetProperty("action").GetString()}";
        var steps = audit.Select(Step).ToList();
        string[] expectedOrder =
        [
            "participant:screen", "consent:consent", "participant:update", "participant:enrol", "participant:update", "visit:create",
            "form:create", "form:derive", "form:save", "query:open", "query:answer", "query:close", "form:complete", "form:update",
            "visit:create", "deviation:visitOutOfWindow", "form:sign", "signature:sign", "form:update", "signature:invalidate", "lock:locked",
        ];
        var position = -1;
        foreach (var step in expectedOrder)
        {
            var next = steps.FindIndex(position + 1, s => s == step);
            Assert.True(next > position, $"audit step {step} missing after position {position}; trail: {string.Join(", ", steps)}");
            position = next;
        }

        var correction = audit.Single(a => a.GetProperty("item").GetString() == "regions.upperLimbs.area" && a.GetProperty("action").GetString() == "update");
        Assert.Equal("2", correction.GetProperty("oldValue").GetString());
        Assert.Equal("3", correction.GetProperty("newValue").GetString());
        Assert.Equal("Transcription error: areas 30–49 % per source", correction.GetProperty("reason").GetString());
        Assert.Equal("coord.de", correction.GetProperty("actor").GetString());
        Assert.Equal("coordinator", correction.GetProperty("role").GetString());
        Assert.Equal("api", correction.GetProperty("source").GetString());
        var close = audit.Single(a => Step(a) == "query:close");
        Assert.Equal("mon", close.GetProperty("actor").GetString());
        Assert.Equal("monitor", close.GetProperty("role").GetString());
        var enrol = audit.Single(a => Step(a) == "participant:enrol");
        Assert.Equal("screened", enrol.GetProperty("oldValue").GetString());
        Assert.Equal("enrolled", enrol.GetProperty("newValue").GetString());

        await using var store = await TrialStore.BeginAsync(trial.Host.Database, write: false);
        var chains = await store.VerifyAuditAsync();
        Assert.All(chains, c => Assert.True(c.IsIntact, c.Problem));
        Assert.Equal(audit.Count, chains.Single(c => c.Chain == p).Records);
        Assert.Contains(chains, c => c.Chain == "");
    }
}
