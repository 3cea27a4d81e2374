using System.Net;
using System.Text.Json;
using Dermis.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Server.Tests;

/// <summary>
/// Every route, enumerated from the running application, called by a coordinator of FR01 against
/// data of DE01 and by an anonymous caller. A new route without a case here fails the test.
/// </summary>
public sealed class SiteIsolationTests
{
    private const string Participant = "DE01-0001";

    /// <summary>What the FR01 coordinator gets on each route, with a text the body must not contain.</summary>
    private static readonly Dictionary<string, (HttpStatusCode Status, string? MustNotContain)> OtherSite = new()
    {
        ["GET /api/studies"] = (HttpStatusCode.OK, null),
        ["POST /api/studies"] = (HttpStatusCode.Forbidden, null),
        ["GET /api/studies/{studyId}"] = (HttpStatusCode.OK, "DE01"),
        ["POST /api/studies/{studyId}/protocol"] = (HttpStatusCode.Forbidden, null),
        ["GET /api/studies/{studyId}/sites"] = (HttpStatusCode.OK, "DE01"),
        ["POST /api/studies/{studyId}/sites"] = (HttpStatusCode.Forbidden, null),
        ["GET /api/studies/{studyId}/staff"] = (HttpStatusCode.Forbidden, null),
        ["POST /api/studies/{studyId}/staff"] = (HttpStatusCode.Forbidden, null),
        ["GET /api/studies/{studyId}/participants"] = (HttpStatusCode.OK, Participant),
        ["POST /api/studies/{studyId}/sites/{siteId}/participants"] = (HttpStatusCode.NotFound, null),
        ["GET /api/studies/{studyId}/participants/{participant}"] = (HttpStatusCode.NotFound, "2026-08-20"),
        ["POST /api/studies/{studyId}/participants/{participant}/consent"] = (HttpStatusCode.NotFound, null),
        ["PUT /api/studies/{studyId}/participants/{participant}/eligibility"] = (HttpStatusCode.NotFound, null),
        ["POST /api/studies/{studyId}/participants/{participant}/status"] = (HttpStatusCode.NotFound, null),
        ["POST /api/studies/{studyId}/participants/{participant}/account"] = (HttpStatusCode.NotFound, null),
        ["POST /api/studies/{studyId}/participants/{participant}/randomise"] = (HttpStatusCode.NotFound, null),
        ["POST /api/studies/{studyId}/participants/{participant}/unblind"] = (HttpStatusCode.NotFound, null),
        ["POST /api/studies/{studyId}/participants/{participant}/visits"] = (HttpStatusCode.NotFound, null),
        ["GET /api/studies/{studyId}/participants/{participant}/visits"] = (HttpStatusCode.NotFound, "2026-09-01"),
        ["GET /api/studies/{studyId}/participants/{participant}/visits/{visitId:long}/forms/{formId}"] = (HttpStatusCode.NotFound, "regions"),
        ["PUT /api/studies/{studyId}/participants/{participant}/visits/{visitId:long}/forms/{formId}"] = (HttpStatusCode.NotFound, null),
        ["POST /api/studies/{studyId}/participants/{participant}/visits/{visitId:long}/forms/{formId}/actions"] = (HttpStatusCode.NotFound, null),
        ["GET /api/studies/{studyId}/queries"] = (HttpStatusCode.OK, "EC-EASI-BL"),
        ["GET /api/studies/{studyId}/queries/{queryId:long}"] = (HttpStatusCode.NotFound, "EC-EASI-BL"),
        ["POST /api/studies/{studyId}/participants/{participant}/queries"] = (HttpStatusCode.NotFound, null),
        ["POST /api/studies/{studyId}/queries/{queryId:long}/answer"] = (HttpStatusCode.NotFound, null),
        ["POST /api/studies/{studyId}/queries/{queryId:long}/close"] = (HttpStatusCode.NotFound, null),
        ["POST /api/studies/{studyId}/queries/{queryId:long}/reopen"] = (HttpStatusCode.NotFound, null),
        ["POST /api/studies/{studyId}/participants/{participant}/signatures"] = (HttpStatusCode.NotFound, null),
        ["GET /api/studies/{studyId}/locks"] = (HttpStatusCode.OK, Participant),
        ["POST /api/studies/{studyId}/locks"] = (HttpStatusCode.NotFound, null),
        ["GET /api/studies/{studyId}/audit"] = (HttpStatusCode.Forbidden, Participant),
        ["GET /api/studies/{studyId}/sign-ins"] = (HttpStatusCode.Forbidden, "coord.de"),
        ["POST /api/studies/{studyId}/participants/{participant}/invitation"] = (HttpStatusCode.NotFound, null),
        ["GET /api/studies/{studyId}/participants/{participant}/econsents"] = (HttpStatusCode.NotFound, null),
        ["POST /api/studies/{studyId}/participants/{participant}/econsents/{econsentId:long}/countersign"] = (HttpStatusCode.NotFound, null),
        ["GET /api/studies/{studyId}/participants/{participant}/diary-entries"] = (HttpStatusCode.NotFound, null),
        ["GET /api/studies/{studyId}/participants/{participant}/devices"] = (HttpStatusCode.NotFound, null),
        ["POST /api/studies/{studyId}/participants/{participant}/devices"] = (HttpStatusCode.NotFound, null),
        ["DELETE /api/studies/{studyId}/participants/{participant}/devices/{deviceId:long}"] = (HttpStatusCode.NotFound, null),
        ["GET /api/studies/{studyId}/diary-compliance"] = (HttpStatusCode.OK, "DE01"),
        ["GET /api/studies/{studyId}/export/odm"] = (HttpStatusCode.Forbidden, Participant),
        ["GET /api/studies/{studyId}/export/sdtm"] = (HttpStatusCode.Forbidden, Participant),
        ["GET /api/studies/{studyId}/export/csv"] = (HttpStatusCode.Forbidden, Participant),
        ["POST /api/studies/{studyId}/import/odm"] = (HttpStatusCode.BadRequest, null),
        ["GET /api/studies/{studyId}/participants/{participant}/nights"] = (HttpStatusCode.NotFound, null),
        ["GET /api/studies/{studyId}/participants/{participant}/nights/{date}"] = (HttpStatusCode.NotFound, null),
        ["GET /api/studies/{studyId}/sensing-alerts"] = (HttpStatusCode.OK, Participant),
        ["POST /api/studies/{studyId}/participants/{participant}/nights/{date}/analyse"] = (HttpStatusCode.NotFound, null),
        // Devices write with their own token from pairing; a staff token is not one.
        ["POST /api/devices/{serial}/samples"] = (HttpStatusCode.Unauthorized, null),
        ["POST /api/devices/{serial}/readings"] = (HttpStatusCode.Unauthorized, null),
        ["POST /api/studies/{studyId}/immune-composition"] = (HttpStatusCode.Forbidden, null),
        ["GET /api/studies/{studyId}/participants/{participant}/immune-composition"] = (HttpStatusCode.NotFound, null),
        // Statistics compare arms and need a role that may export: a coordinator has neither.
        ["GET /api/studies/{studyId}/stats/endpoints"] = (HttpStatusCode.Forbidden, Participant),
        ["GET /api/studies/{studyId}/stats/report"] = (HttpStatusCode.Forbidden, Participant),
        ["GET /api/studies/{studyId}/stats/early-response"] = (HttpStatusCode.Forbidden, Participant),
        ["GET /api/studies/{studyId}/stats/biomarkers"] = (HttpStatusCode.Forbidden, Participant),
        ["GET /api/studies/{studyId}/participants/{participant}/advice"] = (HttpStatusCode.NotFound, null),
        ["POST /api/studies/{studyId}/sweat-calibrations"] = (HttpStatusCode.Forbidden, null),
        ["GET /api/studies/{studyId}/sweat-calibrations"] = (HttpStatusCode.OK, null),
        ["GET /api/studies/{studyId}/sweat-calibrations/{lot}/{cytokine}"] = (HttpStatusCode.NotFound, null),
        ["GET /api/studies/{studyId}/participants/{participant}/sweat"] = (HttpStatusCode.NotFound, null),
        // The participant app's routes serve only a participant's own casebook: staff are refused.
        ["GET /api/me/today"] = (HttpStatusCode.Forbidden, Participant),
        ["GET /api/me/entries"] = (HttpStatusCode.Forbidden, Participant),
        ["POST /api/me/diaries/{diaryId}/{date}"] = (HttpStatusCode.Forbidden, null),
        ["GET /api/me/consent"] = (HttpStatusCode.Forbidden, null),
        ["POST /api/me/consent"] = (HttpStatusCode.Forbidden, null),
        ["GET /api/me/devices"] = (HttpStatusCode.Forbidden, null),
        ["POST /api/me/devices"] = (HttpStatusCode.Forbidden, null),
        ["DELETE /api/me/devices/{deviceId:long}"] = (HttpStatusCode.Forbidden, null),
    };

    /// <summary>
    /// Web pages, read by the FR01 coordinator: what each answers and a DE01 text it must not contain.
    /// Every page's form post (POST on the same route) without the page's antiforgery token is refused
    /// with 400 before any data is read.
    /// </summary>
    private static readonly Dictionary<string, (HttpStatusCode Status, string? MustNotContain)> OtherSitePages = new()
    {
        ["GET "] = (HttpStatusCode.OK, Participant),
        ["GET /studies/{StudyId}"] = (HttpStatusCode.OK, "DE01"),
        ["GET /studies/{StudyId}/sites"] = (HttpStatusCode.OK, "Charité"),
        ["GET /studies/{StudyId}/participants"] = (HttpStatusCode.OK, Participant),
        ["GET /studies/{StudyId}/participants/{ScreeningNumber}"] = (HttpStatusCode.NotFound, "2026-09-01"),
        ["GET /studies/{StudyId}/participants/{ScreeningNumber}/audit"] = (HttpStatusCode.NotFound, "regions"),
        ["GET /studies/{StudyId}/participants/{ScreeningNumber}/visits/{VisitKey:long}/forms/{FormId}"] = (HttpStatusCode.NotFound, "regions"),
        ["GET /studies/{StudyId}/queries"] = (HttpStatusCode.OK, "inclusion threshold"),
        ["GET /studies/{StudyId}/queries/{QueryId:long}"] = (HttpStatusCode.NotFound, "inclusion threshold"),
        ["GET /studies/{StudyId}/compliance"] = (HttpStatusCode.OK, "DE01"),
        ["GET /studies/{StudyId}/participants/{ScreeningNumber}/home"] = (HttpStatusCode.NotFound, "2026-09-01"),
        ["GET /studies/{StudyId}/participants/{ScreeningNumber}/nights/{NightDate}"] = (HttpStatusCode.NotFound, "Sleep opportunity"),
        ["GET /studies/{StudyId}/sensing"] = (HttpStatusCode.OK, Participant),
        ["GET /studies/{StudyId}/sweat-calibrations/{Lot}/{Cytokine}"] = (HttpStatusCode.NotFound, "Back-calculated"),
        ["GET /p"] = (HttpStatusCode.Forbidden, Participant),
        ["GET /p/history"] = (HttpStatusCode.Forbidden, Participant),
        ["GET /p/consent"] = (HttpStatusCode.Forbidden, Participant),
        ["GET /p/devices"] = (HttpStatusCode.Forbidden, Participant),
        ["GET /p/diary/{DiaryId}/{Date}"] = (HttpStatusCode.Forbidden, Participant),
    };

    /// <summary>Routes that hold no participant data and answer anyone.</summary>
    private static readonly HashSet<string> Public =
    [
        "GET /health", "GET /openapi/{documentName}.json", "POST /api/score/{instrument}", "POST /api/auth/token", "POST /api/auth/login",
        "GET /login", "POST /login", "POST /api/participant-app/activate", "GET /p/join/{Token}", "POST /p/join/{Token}", "GET /not-found", "POST /not-found", "GET /web/{file}", "GET /_framework/opaque-redirect",
    ];

    /// <summary>Routes about the caller only.</summary>
    private static readonly HashSet<string> SelfService =
        ["POST /api/auth/logout", "POST /api/auth/logout-everywhere", "POST /api/auth/password", "GET /api/auth/me", "GET /logout", "POST /logout"];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Every_route_hides_another_sites_participants_and_refuses_anonymous_callers(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);
        var s = $"/api/studies/{trial.Study}";
        var p = await trial.EnrolAsync();
        Assert.Equal(Participant, p);
        var (_, visit) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "baseline", date = "2026-09-01" });
        var visitId = visit.GetProperty("id").GetInt64();
        object Region() => new { erythema = 1, induration = 1, excoriation = 1, lichenification = 1, area = 1 };
        var (_, form) = await trial.PutAsync("coord.de", $"{s}/participants/{p}/visits/{visitId}/forms/easi",
            new { data = new { ageYears = 40, regions = new { head = Region(), upperLimbs = Region(), trunk = Region(), lowerLimbs = Region() } } });
        var queryId = form.GetProperty("queries")[0].GetProperty("id").GetInt64();
        await trial.PostAsync("dm", $"{s}/locks", new { level = "participant", target = p, state = "frozen" });

        var routes = trial.Host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Distinct().Order().ToList();
        var pagePosts = OtherSitePages.Keys.Select(k => "POST" + k[3..]).ToHashSet();
        var uncovered = routes.Where(r => !OtherSite.ContainsKey(r) && !OtherSitePages.ContainsKey(r) && !pagePosts.Contains(r) && !Public.Contains(r) && !SelfService.Contains(r)).ToList();
        Assert.True(uncovered.Count == 0, "Routes without a site-isolation case (add them to SiteIsolationTests): " + string.Join("; ", uncovered));
        Assert.All(OtherSite.Keys, k => Assert.Contains(k, routes));

        using var anonymous = Microsoft.AspNetCore.TestHost.HostBuilderTestServerExtensions.GetTestClient(trial.Host.App);
        foreach (var route in routes.Where(r => !Public.Contains(r)))
        {
            var (method, path) = Fill(route, trial.Study, p, visitId, queryId);
            using var message = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            using var response = await anonymous.SendAsync(message);
            // The API answers 401; a page sends the browser to the sign-in page, with nothing of its own.
            var isPage = !route.Contains(" /api/", StringComparison.Ordinal);
            var refused = isPage
                ? response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/login?ReturnUrl=", StringComparison.Ordinal) == true
                : response.StatusCode == HttpStatusCode.Unauthorized;
            Assert.True(refused, $"{route} answered {(int)response.StatusCode} to an anonymous caller");
        }

        var browser = await trial.ClientAsync("coord.fr");
        foreach (var (route, (expected, mustNotContain)) in OtherSitePages)
        {
            var (_, path) = Fill(route, trial.Study, p, visitId, queryId);
            using var page = await browser.GetAsync(new Uri(path.Length == 0 ? "/" : path, UriKind.Relative));
            var html = await page.Content.ReadAsStringAsync();
            Assert.True(page.StatusCode == expected, $"{route} as FR01 coordinator: expected {(int)expected}, got {(int)page.StatusCode}");
            Assert.DoesNotContain(mustNotContain!, html, StringComparison.Ordinal);

            using var post = await browser.PostAsync(new Uri(path.Length == 0 ? "/" : path, UriKind.Relative),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "entry", ["intent"] = "save", ["text"] = "probe" }));
            Assert.True(post.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without an antiforgery token as FR01 coordinator answered {(int)post.StatusCode}");
        }

        foreach (var (route, (expected, mustNotContain)) in OtherSite)
        {
            var (method, path) = Fill(route, trial.Study, p, visitId, queryId);
            var (status, body) = await trial.SendAsync("coord.fr", new HttpMethod(method), path, Body(route, p, visitId));
            Assert.True(status == expected, $"{route} as FR01 coordinator: expected {(int)expected}, got {(int)status} {body}");
            if (mustNotContain is not null && body.ValueKind != JsonValueKind.Undefined)
            {
                Assert.DoesNotContain(mustNotContain, body.GetRawText(), StringComparison.Ordinal);
            }
        }

        // The data is untouched: DE01's coordinator still sees the same form version and an open query.
        var (_, after) = await trial.GetAsync("coord.de", $"{s}/participants/{p}/visits/{visitId}/forms/easi");
        Assert.Equal(1, after.GetProperty("rowVersion").GetInt64());
        Assert.Equal("open", after.GetProperty("queries")[0].GetProperty("state").GetString());
    }

    public static TheoryData<string> Engines => TestDatabase.Engines;

    private static (string Method, string Path) Fill(string route, string study, string participant, long visitId, long queryId)
    {
        var parts = route.Split(' ', 2);
        var path = parts[1].Replace("{studyId}", study, StringComparison.Ordinal).Replace("{StudyId}", study, StringComparison.Ordinal)
            .Replace("{ScreeningNumber}", participant, StringComparison.Ordinal)
            .Replace("{VisitKey:long}", visitId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{FormId}", "easi", StringComparison.Ordinal)
            .Replace("{QueryId:long}", queryId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{siteId}", "DE01", StringComparison.Ordinal)
            .Replace("{participant}", participant, StringComparison.Ordinal)
            .Replace("{visitId:long}", visitId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{formId}", "easi", StringComparison.Ordinal)
            .Replace("{queryId:long}", queryId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{instrument}", "easi", StringComparison.Ordinal)
            .Replace("{serial}", "WB-0001", StringComparison.Ordinal)
            .Replace("{econsentId:long}", "1", StringComparison.Ordinal).Replace("{deviceId:long}", "1", StringComparison.Ordinal)
            .Replace("{diaryId}", "itch", StringComparison.Ordinal).Replace("{DiaryId}", "itch", StringComparison.Ordinal)
            .Replace("{date}", "2026-09-02", StringComparison.Ordinal).Replace("{NightDate}", "2026-09-02", StringComparison.Ordinal)
            .Replace("{lot}", "L1", StringComparison.Ordinal).Replace("{Lot}", "L1", StringComparison.Ordinal).Replace("{Cytokine}", "IL-6", StringComparison.Ordinal).Replace("{cytokine}", "IL-6", StringComparison.Ordinal).Replace("{Date}", "2026-09-02", StringComparison.Ordinal);
        return (parts[0], path);
    }

    /// <summary>A well-formed body for each write, so that only access, not validation, decides the answer.</summary>
    private static object? Body(string route, string participant, long visitId) => route switch
    {
        _ when route.StartsWith("GET", StringComparison.Ordinal) => null,
        "POST /api/studies" or "POST /api/studies/{studyId}/protocol" => TestProtocols.AtopicDermatitisAmendment1,
        _ when route.EndsWith("/consent", StringComparison.Ordinal) => new { documentVersion = "2.0", signedOn = "2026-08-21", method = "onSite" },
        _ when route.EndsWith("/eligibility", StringComparison.Ordinal) => new { answers = new Dictionary<string, bool> { ["IC1"] = false } },
        _ when route.EndsWith("/status", StringComparison.Ordinal) => new { action = "withdraw", reason = "probe" },
        _ when route.EndsWith("/account", StringComparison.Ordinal) => new { username = "probe.participant", password = "0123456789abc" },
        _ when route.EndsWith("/randomise", StringComparison.Ordinal) => new { strata = new Dictionary<string, string> { ["region"] = "EU" } },
        _ when route.EndsWith("/unblind", StringComparison.Ordinal) => new { reason = "probe" },
        _ when route.EndsWith("/visits", StringComparison.Ordinal) => new { visit = "week4", date = "2026-09-29" },
        _ when route.EndsWith("/forms/{formId}", StringComparison.Ordinal) => new { data = new { }, rowVersion = 1, reason = "probe" },
        _ when route.EndsWith("/actions", StringComparison.Ordinal) => new { action = "complete", rowVersion = 1 },
        _ when route.EndsWith("/participants/{participant}/queries", StringComparison.Ordinal) => new { visit = visitId, form = "easi", item = "total", text = "probe" },
        _ when route.Contains("/queries/", StringComparison.Ordinal) => new { text = "probe" },
        _ when route.EndsWith("/signatures", StringComparison.Ordinal) => new { visit = visitId, password = TestServerHost.Password, meaning = "probe" },
        _ when route.EndsWith("/locks", StringComparison.Ordinal) => new { level = "participant", target = participant, state = "open" },
        _ when route.EndsWith("/sites", StringComparison.Ordinal) => new { id = "XX01", name = "Probe", country = "DE", investigator = "Dr. Probe", capacity = 1 },
        _ when route.EndsWith("/staff", StringComparison.Ordinal) => new { username = "probe", displayName = "Probe", password = "0123456789abc", roles = new[] { new { role = "monitor", site = "DE01" } } },
        _ => new { },
    };
}
