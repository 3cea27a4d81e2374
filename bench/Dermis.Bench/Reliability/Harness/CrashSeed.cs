using System.Globalization;
using System.Text;

using static Dermis.Bench.Reliability.Harness.CrashHttp;

namespace Dermis.Bench.Reliability.Harness;

/// <summary>
/// Seeds the crash study once, the way an installation is really set up: the first administrator with
/// <c>dermis account create</c>, then over HTTP a study, a site, a coordinator and N enrolled
/// participants, each with an anchor visit a week ago, a participant-app account and a paired wristband.
/// </summary>
internal static class CrashSeed
{
    public const string Study = "CRASH-1";
    public const string Password = "crash test password";

    // A 6-digit PIN that is neither all alike nor a straight run (docs/participant-app.md).
    private const string Pin = "271828";

    // Diaries accept entries made inside their window up to 168 h after it closed, so one week of
    // due dates (the anchor a week ago) stays open to writers however long a run lasts that day.
    private const int DaysBack = 6;

    public static readonly string[] DiaryIds = ["itch1", "itch2", "itch3", "itch4"];

    private static string Protocol()
    {
        var diaries = new StringBuilder();
        foreach (var id in DiaryIds)
        {
            diaries.Append(CultureInfo.InvariantCulture,
                $"  - {{ id: {id}, name: \"Itch {id}\", instrument: ppnrs, every: 1, from: 1, until: 29, opens: \"00:00\", closes: \"23:59\", offlineGraceHours: 168 }}\n");
        }

        return $$"""
            study: { id: {{Study}}, name: Crash safety study, version: "1.0", sponsor: Dermis }
            arms: [ { id: active, name: Active, ratio: 1 }, { id: placebo, name: Placebo, ratio: 1 } ]
            consent: { documentVersion: "1.0" }
            eligibility: [ { id: IC1, kind: inclusion, text: Adult } ]
            visits:
              - { id: baseline, name: Baseline, day: 1, anchor: true, windowBefore: 0, windowAfter: 0, forms: [counter] }
            forms:
              - { id: counter, name: Counter, items: [ { id: n, label: Save number, type: integer } ] }
            diaries:

            """ + diaries;
    }

    public static async Task<CrashCohort> SeedAsync(CrashServer server, HttpClient http, int participants, int devices)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(participants, 1);
        var (exit, output) = await server.RunCliAsync(["account", "create", "--username", "admin", "--name", "Crash Admin", "--admin"], Password + "\n");
        if (exit != 0)
        {
            throw new InvalidOperationException($"dermis account create failed ({exit}): {output}");
        }

        var admin = await TokenAsync(http, "admin", Password);
        using (var yaml = new StringContent(Protocol(), Encoding.UTF8, "application/yaml"))
        {
            await MustAsync(http, HttpMethod.Post, "/api/studies", admin, yaml);
        }

        var s = $"/api/studies/{Study}";
        await MustAsync(http, HttpMethod.Post, $"{s}/sites", admin, Json(new { id = "S01", name = "Crash site", country = "DE", investigator = "Dr. Crash", capacity = 10_000 }));
        await MustAsync(http, HttpMethod.Post, $"{s}/staff", admin,
            Json(new { username = "coord", displayName = "Crash Coordinator", password = Password, roles = new[] { new { role = "coordinator", site = "S01" } } }));
        var coord = await TokenAsync(http, "coord", Password);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var anchor = today.AddDays(-DaysBack);
        var forms = new List<CrashForm>();
        var diarists = new List<CrashDiarist>();
        var paired = new List<CrashDevice>();
        for (var i = 0; i < participants; i++)
        {
            var screened = await MustAsync(http, HttpMethod.Post, $"{s}/sites/S01/participants", coord, Json(new { }));
            var p = screened.GetProperty("screeningNumber").GetString()!;
            await MustAsync(http, HttpMethod.Post, $"{s}/participants/{p}/consent", coord, Json(new { documentVersion = "1.0", signedOn = anchor.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), method = "onSite" }));
            await MustAsync(http, HttpMethod.Put, $"{s}/participants/{p}/eligibility", coord, Json(new { answers = new Dictionary<string, bool> { ["IC1"] = true } }));
            await MustAsync(http, HttpMethod.Post, $"{s}/participants/{p}/status", coord, Json(new { action = "enrol" }));
            var visit = await MustAsync(http, HttpMethod.Post, $"{s}/participants/{p}/visits", coord, Json(new { visit = "baseline", date = anchor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
            var visitId = visit.GetProperty("id").GetInt64();
            forms.Add(new CrashForm($"{s}/participants/{p}/visits/{visitId}/forms/counter", visitId));

            var invitation = await MustAsync(http, HttpMethod.Post, $"{s}/participants/{p}/invitation", coord, Json(new { timeZone = "Etc/UTC" }));
            var link = invitation.GetProperty("link").GetString()!;
            var activated = await MustAsync(http, HttpMethod.Post, "/api/participant-app/activate", null, Json(new { token = link[(link.LastIndexOf('/') + 1)..], pin = Pin }));
            var username = activated.GetProperty("username").GetString()!;
            diarists.Add(new CrashDiarist(p, await TokenAsync(http, username, Pin)));

            if (i < devices)
            {
                var serial = $"CRASH-WB-{i + 1:0000}";
                var device = await MustAsync(http, HttpMethod.Post, $"{s}/participants/{p}/devices", coord, Json(new { serial, kind = "wristband" }));
                paired.Add(new CrashDevice(serial, device.GetProperty("token").GetString()!));
            }
        }

        var dates = Enumerable.Range(0, DaysBack + 1).Select(d => anchor.AddDays(d)).ToList();
        return new CrashCohort(coord, forms, diarists, paired, DiaryIds, dates);
    }
}
