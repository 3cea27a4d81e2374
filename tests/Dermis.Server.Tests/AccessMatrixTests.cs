using System.Net;
using System.Text.Json;
using Dermis.Server.Tests.Security;
using Dermis.Testing;

namespace Dermis.Server.Tests;

/// <summary>
/// The access matrix (docs/security.md): every route of the running application × every caller kind,
/// with the status each must get. A route without a row fails the test with the list of missing rows.
/// Writes go with the body <c>{}</c>, so a caller that may write stops at validation (400) and a caller
/// that may not is refused first (401/403/404); reads that succeed are checked for other sites' and
/// other participants' screening numbers, and, the study being blinded for every role, for any arm.
/// </summary>
public sealed class AccessMatrixTests
{
    // Columns: anon = no credentials; p.oth = DE01-0002's participant account, p.own = DE01-0001's (the
    // participant in the route); c.de / c.fr = coordinator at DE01 (the participant's site) / FR01;
    // inv = investigator DE01; mon = monitor DE01; dm = data manager (all sites); admin = sponsor
    // administrator and installation administrator (blinded: the study is not locked); dev = the
    // device paired under the route's serial (its own token), dev.o = DE01-0002's wristband's token.
    // 302 = redirect to the sign-in page. 400 on a write = access granted, the empty body refused.
    private static readonly Dictionary<string, string> Matrix = new(StringComparer.Ordinal)
    {
        //                                                                                                       anon   p.oth  p.own  c.de   c.fr   inv    mon    dm     admin  dev    dev.o
        ["GET "]                                                                                                  = "302    302    302    200    200    200    200    200    200    302    302",
        ["POST "]                                                                                                 = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /_framework/opaque-redirect"]                                                                       = "302    400    400    400    400    400    400    400    400    302    302",
        ["POST /api/auth/login"]                                                                                  = "400    400    400    400    400    400    400    400    400    400    400",
        // runs last; each call on a fresh session of its own
        ["POST /api/auth/logout"]                                                                                 = "401    204    204    204    204    204    204    204    204    401    401",
        // runs last; each call on a fresh session of its own
        ["POST /api/auth/logout-everywhere"]                                                                      = "401    204    204    204    204    204    204    204    204    401    401",
        ["GET /api/auth/me"]                                                                                      = "401    200    200    200    200    200    200    200    200    401    401",
        ["POST /api/auth/password"]                                                                               = "401    400    400    400    400    400    400    400    400    401    401",
        ["POST /api/auth/token"]                                                                                  = "400    400    400    400    400    400    400    400    400    400    400",
        ["POST /api/devices/{serial}/readings"]                                                                   = "401    401    401    401    401    401    401    401    401    400    403",
        // dev.o: a device writes only under its own serial (403)
        ["POST /api/devices/{serial}/samples"]                                                                    = "401    401    401    401    401    401    401    401    401    400    403",
        ["GET /api/me/consent"]                                                                                   = "401    404    404    403    403    403    403    403    403    401    401",
        ["POST /api/me/consent"]                                                                                  = "401    404    404    403    403    403    403    403    403    401    401",
        ["GET /api/me/devices"]                                                                                   = "401    200    200    403    403    403    403    403    403    401    401",
        ["POST /api/me/devices"]                                                                                  = "401    400    400    403    403    403    403    403    403    401    401",
        ["DELETE /api/me/devices/{deviceId:long}"]                                                                = "401    404    204    403    403    403    403    403    403    401    401",
        ["POST /api/me/diaries/{diaryId}/{date}"]                                                                 = "401    404    404    403    403    403    403    403    403    401    401",
        ["GET /api/me/entries"]                                                                                   = "401    200    200    403    403    403    403    403    403    401    401",
        ["GET /api/me/today"]                                                                                     = "401    200    200    403    403    403    403    403    403    401    401",
        ["POST /api/participant-app/activate"]                                                                    = "400    400    400    400    400    400    400    400    400    400    400",
        ["POST /api/score/{instrument}"]                                                                          = "400    400    400    400    400    400    400    400    400    400    400",
        ["GET /api/studies"]                                                                                      = "401    200    200    200    200    200    200    200    200    401    401",
        ["POST /api/studies"]                                                                                     = "401    403    403    403    403    403    403    403    409    401    401",
        ["GET /api/studies/{studyId}"]                                                                            = "401    200    200    200    200    200    200    200    200    401    401",
        ["GET /api/studies/{studyId}/audit"]                                                                      = "401    403    403    403    403    200    200    200    200    401    401",
        ["GET /api/studies/{studyId}/diary-compliance"]                                                           = "401    403    403    200    200    200    200    200    200    401    401",
        ["GET /api/studies/{studyId}/export/csv"]                                                                 = "401    403    403    403    403    200    200    200    200    401    401",
        ["GET /api/studies/{studyId}/export/odm"]                                                                 = "401    403    403    403    403    200    200    200    200    401    401",
        ["GET /api/studies/{studyId}/export/sdtm"]                                                                = "401    403    403    403    403    200    200    200    200    401    401",
        ["POST /api/studies/{studyId}/immune-composition"]                                                        = "401    403    403    403    403    403    403    403    400    401    401",
        // the file is parsed before the role check (a slow upload must not hold the write turn): 400 for anyone signed in; OdmExchangeTests covers the role
        ["POST /api/studies/{studyId}/import/odm"]                                                                = "401    400    400    400    400    400    400    400    400    401    401",
        ["GET /api/studies/{studyId}/locks"]                                                                      = "401    200    200    200    200    200    200    200    200    401    401",
        // dm and admin open an open casebook: 200, nothing changes
        ["POST /api/studies/{studyId}/locks"]                                                                     = "401    404    404    403    404    403    403    200    200    401    401",
        ["GET /api/studies/{studyId}/participants"]                                                               = "401    200    200    200    200    200    200    200    200    401    401",
        ["GET /api/studies/{studyId}/participants/{participant}"]                                                 = "401    404    200    200    404    200    200    200    200    401    401",
        ["POST /api/studies/{studyId}/participants/{participant}/account"]                                        = "401    404    403    400    404    400    403    403    403    401    401",
        // as the statistics; 404 where the participant is not visible
        ["GET /api/studies/{studyId}/participants/{participant}/advice"]                                          = "401    404    403    403    404    403    403    403    403    401    401",
        ["POST /api/studies/{studyId}/participants/{participant}/consent"]                                        = "401    404    403    400    404    400    403    403    403    401    401",
        ["GET /api/studies/{studyId}/participants/{participant}/devices"]                                         = "401    404    200    200    404    200    200    200    200    401    401",
        ["POST /api/studies/{studyId}/participants/{participant}/devices"]                                        = "401    404    403    400    404    400    403    403    403    401    401",
        // inv: 404 because c.de has just unpaired the device
        ["DELETE /api/studies/{studyId}/participants/{participant}/devices/{deviceId:long}"]                      = "401    404    403    204    404    404    403    403    403    401    401",
        ["GET /api/studies/{studyId}/participants/{participant}/diary-entries"]                                   = "401    404    200    200    404    200    200    200    200    401    401",
        ["GET /api/studies/{studyId}/participants/{participant}/econsents"]                                       = "401    404    200    200    404    200    200    200    200    401    401",
        ["POST /api/studies/{studyId}/participants/{participant}/econsents/{econsentId:long}/countersign"]        = "401    404    403    403    404    404    403    403    403    401    401",
        ["PUT /api/studies/{studyId}/participants/{participant}/eligibility"]                                     = "401    404    403    400    404    400    403    403    403    401    401",
        ["GET /api/studies/{studyId}/participants/{participant}/immune-composition"]                              = "401    404    200    200    404    200    200    200    200    401    401",
        ["POST /api/studies/{studyId}/participants/{participant}/invitation"]                                     = "401    404    403    400    404    400    403    403    403    401    401",
        ["GET /api/studies/{studyId}/participants/{participant}/nights"]                                          = "401    404    200    200    404    200    200    200    200    401    401",
        ["GET /api/studies/{studyId}/participants/{participant}/nights/{date}"]                                   = "401    404    404    404    404    404    404    404    404    401    401",
        ["POST /api/studies/{studyId}/participants/{participant}/nights/{date}/analyse"]                          = "401    404    403    404    404    404    403    403    403    401    401",
        ["POST /api/studies/{studyId}/participants/{participant}/queries"]                                        = "401    404    403    403    404    403    400    400    403    401    401",
        ["POST /api/studies/{studyId}/participants/{participant}/randomise"]                                      = "401    404    403    409    404    409    403    403    403    401    401",
        ["POST /api/studies/{studyId}/participants/{participant}/signatures"]                                     = "401    404    403    403    404    400    403    403    403    401    401",
        ["POST /api/studies/{studyId}/participants/{participant}/status"]                                         = "401    404    403    400    404    400    403    403    403    401    401",
        ["GET /api/studies/{studyId}/participants/{participant}/sweat"]                                           = "401    404    200    200    404    200    200    200    200    401    401",
        ["POST /api/studies/{studyId}/participants/{participant}/unblind"]                                        = "401    404    403    403    404    400    403    403    403    401    401",
        ["GET /api/studies/{studyId}/participants/{participant}/visits"]                                          = "401    404    200    200    404    200    200    200    200    401    401",
        ["POST /api/studies/{studyId}/participants/{participant}/visits"]                                         = "401    404    403    400    404    400    403    403    403    401    401",
        ["GET /api/studies/{studyId}/participants/{participant}/visits/{visitId:long}/forms/{formId}"]            = "401    404    200    200    404    200    200    200    200    401    401",
        ["PUT /api/studies/{studyId}/participants/{participant}/visits/{visitId:long}/forms/{formId}"]            = "401    404    403    400    404    400    403    403    403    401    401",
        ["POST /api/studies/{studyId}/participants/{participant}/visits/{visitId:long}/forms/{formId}/actions"]   = "401    404    403    403    404    403    409    403    403    401    401",
        ["POST /api/studies/{studyId}/protocol"]                                                                  = "401    403    403    403    403    403    403    403    200    401    401",
        ["GET /api/studies/{studyId}/queries"]                                                                    = "401    200    200    200    200    200    200    200    200    401    401",
        ["GET /api/studies/{studyId}/queries/{queryId:long}"]                                                     = "401    404    404    200    404    200    200    200    200    401    401",
        ["POST /api/studies/{studyId}/queries/{queryId:long}/answer"]                                             = "401    404    404    400    404    400    403    403    403    401    401",
        ["POST /api/studies/{studyId}/queries/{queryId:long}/close"]                                              = "401    404    404    403    404    403    400    400    403    401    401",
        ["POST /api/studies/{studyId}/queries/{queryId:long}/reopen"]                                             = "401    404    404    403    404    403    400    400    403    401    401",
        ["GET /api/studies/{studyId}/sensing-alerts"]                                                             = "401    403    403    200    200    200    200    200    200    401    401",
        // the sign-in log: sponsor administrators only
        ["GET /api/studies/{studyId}/sign-ins"]                                                                   = "401    403    403    403    403    403    403    403    200    401    401",
        ["GET /api/studies/{studyId}/sites"]                                                                      = "401    200    200    200    200    200    200    200    200    401    401",
        ["POST /api/studies/{studyId}/sites"]                                                                     = "401    403    403    403    403    403    403    403    400    401    401",
        // {} is a valid screening: c.de and inv screen DE01-0003 and DE01-0004
        ["POST /api/studies/{studyId}/sites/{siteId}/participants"]                                               = "401    404    404    201    404    201    403    403    403    401    401",
        ["GET /api/studies/{studyId}/staff"]                                                                      = "401    403    403    403    403    403    403    403    200    401    401",
        ["POST /api/studies/{studyId}/staff"]                                                                     = "401    403    403    403    403    403    403    403    400    401    401",
        ["GET /api/studies/{studyId}/stats/biomarkers"]                                                           = "401    403    403    403    403    403    403    403    403    401    401",
        ["GET /api/studies/{studyId}/stats/early-response"]                                                       = "401    403    403    403    403    403    403    403    403    401    401",
        // statistics need arms: blinded for every role until the study is locked
        ["GET /api/studies/{studyId}/stats/endpoints"]                                                            = "401    403    403    403    403    403    403    403    403    401    401",
        ["GET /api/studies/{studyId}/stats/report"]                                                               = "401    403    403    403    403    403    403    403    403    401    401",
        ["GET /api/studies/{studyId}/sweat-calibrations"]                                                         = "401    200    200    200    200    200    200    200    200    401    401",
        ["POST /api/studies/{studyId}/sweat-calibrations"]                                                        = "401    403    403    403    403    403    403    403    400    401    401",
        ["GET /api/studies/{studyId}/sweat-calibrations/{lot}/{cytokine}"]                                        = "401    404    404    404    404    404    404    404    404    401    401",
        ["GET /health"]                                                                                           = "200    200    200    200    200    200    200    200    200    200    200",
        ["GET /login"]                                                                                            = "200    200    200    200    200    200    200    200    200    200    200",
        ["POST /login"]                                                                                           = "400    400    400    400    400    400    400    400    400    400    400",
        ["GET /logout"]                                                                                           = "302    200    200    200    200    200    200    200    200    302    302",
        ["POST /logout"]                                                                                          = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /not-found"]                                                                                        = "200    200    200    200    200    200    200    200    200    200    200",
        ["POST /not-found"]                                                                                       = "400    400    400    400    400    400    400    400    400    400    400",
        ["GET /openapi/{documentName}.json"]                                                                      = "200    200    200    200    200    200    200    200    200    200    200",
        ["GET /p"]                                                                                                = "302    200    200    403    403    403    403    403    403    302    302",
        ["POST /p"]                                                                                               = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /p/consent"]                                                                                        = "302    404    404    403    403    403    403    403    403    302    302",
        ["POST /p/consent"]                                                                                       = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /p/devices"]                                                                                        = "302    200    200    403    403    403    403    403    403    302    302",
        ["POST /p/devices"]                                                                                       = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /p/diary/{DiaryId}/{Date}"]                                                                         = "302    404    404    403    403    403    403    403    403    302    302",
        ["POST /p/diary/{DiaryId}/{Date}"]                                                                        = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /p/history"]                                                                                        = "302    200    200    403    403    403    403    403    403    302    302",
        ["POST /p/history"]                                                                                       = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /p/join/{Token}"]                                                                                   = "404    404    404    404    404    404    404    404    404    404    404",
        ["POST /p/join/{Token}"]                                                                                  = "400    400    400    400    400    400    400    400    400    400    400",
        ["GET /studies/{StudyId}"]                                                                                = "302    200    200    200    200    200    200    200    200    302    302",
        ["POST /studies/{StudyId}"]                                                                               = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /studies/{StudyId}/compliance"]                                                                     = "302    403    403    200    200    200    200    200    200    302    302",
        ["POST /studies/{StudyId}/compliance"]                                                                    = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /studies/{StudyId}/participants"]                                                                   = "302    200    200    200    200    200    200    200    200    302    302",
        ["POST /studies/{StudyId}/participants"]                                                                  = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /studies/{StudyId}/participants/{ScreeningNumber}"]                                                 = "302    404    200    200    404    200    200    200    200    302    302",
        ["POST /studies/{StudyId}/participants/{ScreeningNumber}"]                                                = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /studies/{StudyId}/participants/{ScreeningNumber}/audit"]                                           = "302    404    403    403    404    200    200    200    200    302    302",
        ["POST /studies/{StudyId}/participants/{ScreeningNumber}/audit"]                                          = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /studies/{StudyId}/participants/{ScreeningNumber}/home"]                                            = "302    404    200    200    404    200    200    200    200    302    302",
        ["POST /studies/{StudyId}/participants/{ScreeningNumber}/home"]                                           = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /studies/{StudyId}/participants/{ScreeningNumber}/nights/{NightDate}"]                              = "302    404    404    404    404    404    404    404    404    302    302",
        ["POST /studies/{StudyId}/participants/{ScreeningNumber}/nights/{NightDate}"]                             = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /studies/{StudyId}/participants/{ScreeningNumber}/visits/{VisitKey:long}/forms/{FormId}"]           = "302    404    200    200    404    200    200    200    200    302    302",
        ["POST /studies/{StudyId}/participants/{ScreeningNumber}/visits/{VisitKey:long}/forms/{FormId}"]          = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /studies/{StudyId}/queries"]                                                                        = "302    200    200    200    200    200    200    200    200    302    302",
        ["POST /studies/{StudyId}/queries"]                                                                       = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /studies/{StudyId}/queries/{QueryId:long}"]                                                         = "302    404    404    200    404    200    200    200    200    302    302",
        ["POST /studies/{StudyId}/queries/{QueryId:long}"]                                                        = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /studies/{StudyId}/sensing"]                                                                        = "302    200    200    200    200    200    200    200    200    302    302",
        ["POST /studies/{StudyId}/sensing"]                                                                       = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /studies/{StudyId}/sites"]                                                                          = "302    200    200    200    200    200    200    200    200    302    302",
        ["POST /studies/{StudyId}/sites"]                                                                         = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /studies/{StudyId}/sweat-calibrations/{Lot}/{Cytokine}"]                                            = "302    404    404    404    404    404    404    404    404    302    302",
        ["POST /studies/{StudyId}/sweat-calibrations/{Lot}/{Cytokine}"]                                           = "302    400    400    400    400    400    400    400    400    302    302",
        ["GET /web/{file}"]                                                                                       = "200    200    200    200    200    200    200    200    200    200    200",
    };

    public static TheoryData<string> Engines => TestDatabase.Engines;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Every_route_answers_every_caller_kind_as_the_matrix_says(string engine)
    {
        await using var scenario = await AccessMatrixScenario.StartAsync(engine);
        var routes = scenario.Routes();
        var missing = routes.Where(r => !Matrix.ContainsKey(r)).ToList();
        var stale = Matrix.Keys.Where(k => !routes.Contains(k)).ToList();

        // Sign-out routes end sessions: they run last, each on a session of its own.
        var ordered = routes.OrderBy(r => r.StartsWith("POST /api/auth/logout", StringComparison.Ordinal)).ThenBy(r => r, StringComparer.Ordinal).ToList();
        var mismatches = new List<string>();
        var actualRows = new List<string>();
        foreach (var route in ordered)
        {
            var statuses = new List<int>();
            foreach (var caller in AccessMatrixScenario.Callers)
            {
                var (status, text) = await scenario.SendAsync(caller, route, freshSession: route.StartsWith("POST /api/auth/logout", StringComparison.Ordinal));
                statuses.Add((int)status);
                if ((int)status is >= 200 and < 300)
                {
                    mismatches.AddRange(Leaks(route, caller, text));
                }
            }

            var actual = string.Join(' ', statuses);
            actualRows.Add($"        [\"{route}\"] = \"{actual}\",");
            if (Matrix.TryGetValue(route, out var expected) && Normalise(expected) != actual)
            {
                mismatches.Add($"{route}: expected {Normalise(expected)}, got {actual}");
            }
        }

        if (Environment.GetEnvironmentVariable("DERMIS_ACCESS_MATRIX_DUMP") is { Length: > 0 } dump)
        {
            await File.WriteAllLinesAsync(dump, actualRows);
        }

        Assert.True(missing.Count == 0, "Routes without a row in the access matrix (add them to AccessMatrixTests.Matrix): " + string.Join("; ", missing));
        Assert.True(stale.Count == 0, "Rows for routes that no longer exist: " + string.Join("; ", stale));
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static string Normalise(string row) => string.Join(' ', row.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>What a successful answer to <paramref name="caller"/> must not contain.</summary>
    private static IEnumerable<string> Leaks(string route, string caller, string text)
    {
        string[] hidden = caller switch
        {
            "p.own" => [AccessMatrixScenario.Other, AccessMatrixScenario.OtherSite],
            "p.oth" => [AccessMatrixScenario.Own, AccessMatrixScenario.OtherSite],
            "c.fr" => [AccessMatrixScenario.Own, AccessMatrixScenario.Other],
            "c.de" or "inv" or "mon" => [AccessMatrixScenario.OtherSite],
            _ => [],
        };
        foreach (var identifier in hidden.Where(id => text.Contains(id, StringComparison.Ordinal)))
        {
            yield return $"{route} as {caller}: the answer contains {identifier}";
        }

        // Blinded: no arm in any JSON answer, and no arm name on any participant's page.
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            using var json = JsonDocument.Parse(text);
            foreach (var arm in Arms(json.RootElement))
            {
                yield return $"{route} as {caller}: an arm is shown ({arm})";
            }
        }
        else if (!route.StartsWith("GET /studies/{StudyId}", StringComparison.Ordinal) || route.Contains("{ScreeningNumber}", StringComparison.Ordinal))
        {
            if (text.Contains("Antibody 250 mg Q2W", StringComparison.Ordinal) || text.Contains(">Placebo<", StringComparison.Ordinal))
            {
                yield return $"{route} as {caller}: the page names an arm";
            }
        }
    }

    /// <summary>Every non-null "arm" property anywhere in the document.</summary>
    private static IEnumerable<string> Arms(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals("arm") && property.Value.ValueKind != JsonValueKind.Null)
                {
                    yield return property.Value.GetRawText();
                }

                foreach (var nested in Arms(property.Value))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var nested in element.EnumerateArray().SelectMany(Arms))
            {
                yield return nested;
            }
        }
    }
}
