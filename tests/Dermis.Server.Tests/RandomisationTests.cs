using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Dermis.Testing;

namespace Dermis.Server.Tests;

/// <summary>Randomisation over HTTP: preconditions, blinding on every route that could show an arm, emergency unblinding, concurrency.</summary>
public sealed class RandomisationTests
{
    public static TheoryData<string> Engines => TestDatabase.Engines;

    [Fact]
    public async Task Randomisation_is_refused_before_enrolment_and_twice_and_the_arm_stays_blinded_until_emergency_unblinding()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var s = $"/api/studies/{trial.Study}";
        var (_, screened) = await trial.PostAsync("coord.de", $"{s}/sites/DE01/participants", new { });
        var early = screened.GetProperty("screeningNumber").GetString()!;
        var (status, body) = await trial.PostAsync("coord.de", $"{s}/participants/{early}/randomise", new { strata = new Dictionary<string, string> { ["region"] = "EU" } });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.StartsWith($"participant {early} is screened: 'randomise' is not allowed", body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var p = await trial.EnrolAsync();
        (status, body) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/randomise", new { strata = new Dictionary<string, string> { ["region"] = "Mars" } });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("is required; allowed: EU, NA", body.GetProperty("errors").GetProperty("strata.region")[0].GetString());
        (status, body) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/randomise", new { strata = new Dictionary<string, string> { ["region"] = "EU" } });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("randomised", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("blinded").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("arm").ValueKind);
        var kit = body.GetProperty("kitNumber").GetString()!;
        Assert.Matches("^K[0-9]{8}$", kit);
        (status, _) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/randomise", new { strata = new Dictionary<string, string> { ["region"] = "EU" } });
        Assert.Equal(HttpStatusCode.Conflict, status);

        // No role of this blinded study (no unblinded roles) learns the arm: casebook, audit.
        foreach (var user in new[] { "coord.de", "inv.de", "mon", "dm", "admin" })
        {
            var (_, casebook) = await trial.GetAsync(user, $"{s}/participants/{p}");
            Assert.Equal(System.Text.Json.JsonValueKind.Null, casebook.GetProperty("arm").ValueKind);
            Assert.True(casebook.GetProperty("blinded").GetBoolean());
            Assert.Equal(kit, casebook.GetProperty("kitNumber").GetString());
        }

        var (_, audit) = await trial.GetAsync("dm", $"{s}/audit?participant={p}");
        var allocation = audit.EnumerateArray().Where(a => a.GetProperty("action").GetString() == "allocate").ToList();
        Assert.Equal(["arm", "diagnostic"], allocation.Select(a => a.GetProperty("item").GetString()));
        Assert.All(allocation, a => Assert.Equal("(blinded)", a.GetProperty("newValue").GetString()));
        Assert.DoesNotContain(audit.EnumerateArray(), a => a.TryGetProperty("hash", out _));
        var stored = await trial.Host.Database.OpenConnectionAsync();
        var arm = await stored.QuerySingleAsync<string>("SELECT arm FROM allocation");
        await stored.DisposeAsync();
        Assert.True(arm is "active" or "placebo", arm);

        // Emergency unblinding: only the investigator, with a reason; then the site sees the arm.
        (status, _) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/unblind", new { reason = "SAE" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, body) = await trial.PostAsync("inv.de", $"{s}/participants/{p}/unblind", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        (status, body) = await trial.PostAsync("inv.de", $"{s}/participants/{p}/unblind", new { reason = "Anaphylaxis after dose 3: treating physician needs the treatment." });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(arm, body.GetProperty("arm").GetString());
        var (_, after) = await trial.GetAsync("coord.de", $"{s}/participants/{p}");
        Assert.Equal(arm, after.GetProperty("arm").GetString());
        (_, audit) = await trial.GetAsync("dm", $"{s}/audit?participant={p}");
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "unblind"
            && a.GetProperty("reason").GetString() == "Anaphylaxis after dose 3: treating physician needs the treatment.");
    }

    [Fact]
    public async Task Randomisation_is_refused_when_eligibility_or_consent_no_longer_hold()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var s = $"/api/studies/{trial.Study}";
        var ineligible = await trial.EnrolAsync();
        var unconsented = await trial.EnrolAsync();
        await trial.PutAsync("coord.de", $"{s}/participants/{ineligible}/eligibility", new { answers = new Dictionary<string, bool> { ["EC1"] = true } });
        var admin = await trial.ClientAsync("admin");
        using var amended = await admin.PostAsync($"{s}/protocol", new StringContent(TestProtocols.AtopicDermatitisAmendment1, System.Text.Encoding.UTF8, "application/yaml"));

        var (notEligible, eligibilityProblem) = await trial.PostAsync("coord.de", $"{s}/participants/{ineligible}/randomise", new { strata = new Dictionary<string, string> { ["region"] = "EU" } });
        var (notConsented, consentProblem) = await trial.PostAsync("coord.de", $"{s}/participants/{unconsented}/randomise", new { strata = new Dictionary<string, string> { ["region"] = "EU" } });

        // The amendment brought consent document 3.0: both participants lack it, so consent is refused first.
        Assert.Equal(HttpStatusCode.Conflict, notConsented);
        Assert.Equal("urn:dermis:problem:consent-required", consentProblem.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Conflict, notEligible);
        Assert.Equal("urn:dermis:problem:consent-required", eligibilityProblem.GetProperty("type").GetString());
        await trial.PostAsync("coord.de", $"{s}/participants/{ineligible}/consent", new { documentVersion = "3.0", signedOn = "2026-09-02", method = "remote" });
        (notEligible, eligibilityProblem) = await trial.PostAsync("coord.de", $"{s}/participants/{ineligible}/randomise", new { strata = new Dictionary<string, string> { ["region"] = "EU" } });
        Assert.Equal("urn:dermis:problem:not-eligible", eligibilityProblem.GetProperty("type").GetString());
        Assert.Contains("fails EC1", eligibilityProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sponsor_sees_arms_only_after_the_database_lock()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var s = $"/api/studies/{trial.Study}";
        var p = await trial.EnrolAsync();
        await trial.PostAsync("coord.de", $"{s}/participants/{p}/randomise", new { strata = new Dictionary<string, string> { ["region"] = "EU" } });

        var (_, before) = await trial.GetAsync("dm", $"{s}/participants/{p}");
        await trial.PostAsync("dm", $"{s}/locks", new { level = "study", state = "frozen" });
        var (_, frozen) = await trial.GetAsync("dm", $"{s}/participants/{p}");
        await trial.PostAsync("dm", $"{s}/locks", new { level = "study", state = "locked" });
        var (_, locked) = await trial.GetAsync("dm", $"{s}/participants/{p}");
        var (_, site) = await trial.GetAsync("coord.de", $"{s}/participants/{p}");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, before.GetProperty("arm").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, frozen.GetProperty("arm").ValueKind);
        Assert.True(locked.GetProperty("arm").GetString() is "active" or "placebo");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, site.GetProperty("arm").ValueKind);
    }

    [Fact]
    public async Task No_get_route_tells_a_blinded_role_the_arm()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var s = $"/api/studies/{trial.Study}";
        var p = await trial.EnrolAsync();
        var (_, visit) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "baseline", date = "2026-09-01" });
        var visitId = visit.GetProperty("id").GetInt64();
        await trial.PutAsync("coord.de", $"{s}/participants/{p}/visits/{visitId}/forms/vitals", new { data = new { weight = 190m } });
        await trial.PostAsync("coord.de", $"{s}/participants/{p}/randomise", new { strata = new Dictionary<string, string> { ["region"] = "EU" } });
        var (_, queries) = await trial.GetAsync("dm", $"{s}/queries");
        var queryId = queries[0].GetProperty("id").GetInt64();

        var routes = trial.Host.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/'))
            // The study itself lists its arms (protocol information, not an allocation); the rest hold no trial data.
            .Where(r => r is not ("/api/studies/{studyId}" or "/openapi/{documentName}.json" or "/web/{file}" or "/_framework/opaque-redirect" or "/login" or "/logout" or "/not-found"))
            .Distinct().ToList();
        Assert.Contains("/api/studies/{studyId}/participants/{participant}", routes);
        Assert.Contains("/api/studies/{studyId}/audit", routes);
        Assert.Contains("/studies/{StudyId}/participants/{ScreeningNumber}", routes);

        foreach (var user in new[] { "coord.de", "inv.de", "mon", "dm", "admin" })
        {
            foreach (var route in routes)
            {
                var visitText = visitId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var queryText = queryId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var path = (route.Length == 0 ? "/" : route)
                    .Replace("{studyId}", trial.Study, StringComparison.Ordinal).Replace("{StudyId}", trial.Study, StringComparison.Ordinal)
                    .Replace("{participant}", p, StringComparison.Ordinal).Replace("{ScreeningNumber}", p, StringComparison.Ordinal)
                    .Replace("{visitId:long}", visitText, StringComparison.Ordinal).Replace("{VisitKey:long}", visitText, StringComparison.Ordinal)
                    .Replace("{formId}", "vitals", StringComparison.Ordinal).Replace("{FormId}", "vitals", StringComparison.Ordinal)
                    .Replace("{queryId:long}", queryText, StringComparison.Ordinal).Replace("{QueryId:long}", queryText, StringComparison.Ordinal);
                using var response = await (await trial.ClientAsync(user)).GetAsync(new Uri(path, UriKind.Relative));
                var text = await response.Content.ReadAsStringAsync();
                // JSON values ("active") and HTML text (>active<) alike; a CSS class="active" is neither.
                Assert.DoesNotContain("\"active\"", text.Replace("class=\"active\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
                Assert.DoesNotContain("\"placebo\"", text, StringComparison.Ordinal);
                Assert.DoesNotContain(">active<", text, StringComparison.Ordinal);
                Assert.DoesNotContain(">placebo<", text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Concurrent_randomisations_in_one_stratum_never_break_the_block(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);
        var s = $"/api/studies/{trial.Study}";
        var participants = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            participants.Add(await trial.EnrolAsync());
        }

        var answers = await Task.WhenAll(participants.Select(p =>
            trial.PostAsync("coord.de", $"{s}/participants/{p}/randomise", new { strata = new Dictionary<string, string> { ["region"] = "NA" } })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        await using var connection = await trial.Host.Database.OpenConnectionAsync();
        var arms = (await connection.QueryAsync<string>("SELECT arm FROM allocation WHERE stratum = 'region=NA|site=DE01'")).ToList();
        Assert.Equal(10, arms.Count);
        // 1:1 with blocks of 4 and 6: within a stratum the arms never differ by more than 6 / 2 = 3.
        Assert.InRange(Math.Abs(arms.Count(a => a == "active") - arms.Count(a => a == "placebo")), 0, 3);
        var block = await connection.QuerySingleAsync<(string Block, long Position)>("SELECT block, position FROM randomisation_block");
        // The allocations are exactly the completed blocks plus the used part of the current one.
        var current = block.Block.Split(',');
        Assert.Equal(arms.Count(a => a == "active") - current.Take((int)block.Position).Count(a => a == "active"),
                     arms.Count(a => a == "placebo") - current.Take((int)block.Position).Count(a => a == "placebo"));
    }
}
