using System.Text.Json;

namespace Dermis.Bench.Fuzz;

/// <summary>
/// A valid request body, content type and sender for every route of the API that takes one (docs/api.md),
/// and the values of the study's route parameters: the seeds the API fuzzer mutates.
/// </summary>
internal static class ApiSeeds
{
    private static readonly string[] s_queryNames =
        ["type", "state", "participant", "form", "item", "from", "to", "period", "model", "weighting", "primaryVisit", "treated", "control", "early", "late", "visit", "version", "batch"];

    /// <summary>A seed body for <paramref name="route"/> ("POST /api/studies/{studyId}/sites"), or null for a route without one.</summary>
    public static (string Body, string ContentType)? BodyFor(string route, FuzzStudy study)
    {
        string Json(object value) => JsonSerializer.Serialize(value);
        var region = new { erythema = 1, induration = 1, excoriation = 1, lichenification = 1, area = 2 };
        var easi = new { ageYears = 40, regions = new { head = region, upperLimbs = region, trunk = region, lowerLimbs = region } };
        var body = route switch
        {
            "POST /api/studies" or "POST /api/studies/{studyId}/protocol" => File.ReadAllText(RepositoryFiles.PathOf("samples", "ad-phase3.yaml")),
            "POST /api/studies/{studyId}/sites" => Json(new { id = "NL01", name = "Amsterdam UMC", country = "NL", investigator = "Dr. de Vries", capacity = 20, activationDate = "2026-10-01" }),
            "POST /api/studies/{studyId}/staff" => Json(new { username = "nurse.nl", displayName = "Nina", password = FuzzStudy.Password, roles = new[] { new { role = "coordinator", site = "DE01" } } }),
            "POST /api/studies/{studyId}/sites/{siteId}/participants" => "{}",
            "POST /api/studies/{studyId}/participants/{participant}/consent" => Json(new { documentVersion = "2.0", signedOn = "2026-03-20", method = "onSite" }),
            "PUT /api/studies/{studyId}/participants/{participant}/eligibility" => Json(new { answers = new Dictionary<string, bool> { ["IC1"] = true, ["IC2"] = true, ["EC1"] = false } }),
            "POST /api/studies/{studyId}/participants/{participant}/status" => Json(new { action = "enrol", reason = "fuzz" }),
            "POST /api/studies/{studyId}/participants/{participant}/account" => Json(new { username = "p.fuzz", password = "a long participant password" }),
            "POST /api/studies/{studyId}/participants/{participant}/randomise" => Json(new { strata = new { region = "EU", baselineViga = "3" } }),
            "POST /api/studies/{studyId}/participants/{participant}/unblind" => Json(new { reason = "anaphylaxis" }),
            "POST /api/studies/{studyId}/participants/{participant}/visits" => Json(new { visit = "baseline", date = "2026-03-28" }),
            "PUT /api/studies/{studyId}/participants/{participant}/visits/{visitId:long}/forms/{formId}" =>
                Json(new { data = new { weight = 72.5, height = 172, systolic = 121, diastolic = 79, pulse = 66, temperature = 36.7 }, rowVersion = 1, reason = "transcription" }),
            "POST /api/studies/{studyId}/participants/{participant}/visits/{visitId:long}/forms/{formId}/actions" => Json(new { action = "complete", rowVersion = 1 }),
            "POST /api/studies/{studyId}/participants/{participant}/queries" => Json(new { visit = study.VisitId, form = "vitals", item = "weight", text = "Please confirm." }),
            "POST /api/studies/{studyId}/queries/{queryId:long}/answer" or "POST /api/studies/{studyId}/queries/{queryId:long}/close"
                or "POST /api/studies/{studyId}/queries/{queryId:long}/reopen" => Json(new { text = "Confirmed against source." }),
            "POST /api/studies/{studyId}/participants/{participant}/signatures" => Json(new { visit = study.VisitId, password = FuzzStudy.Password, meaning = "approval" }),
            "POST /api/studies/{studyId}/locks" => Json(new { level = "form", target = $"{study.Participant}/{study.VisitId}/vitals", state = "frozen" }),
            "POST /api/studies/{studyId}/participants/{participant}/invitation" => Json(new { timeZone = "Europe/Berlin" }),
            "POST /api/studies/{studyId}/participants/{participant}/econsents/{econsentId:long}/countersign" => Json(new { password = FuzzStudy.Password }),
            "POST /api/studies/{studyId}/participants/{participant}/devices" or "POST /api/me/devices" => Json(new { serial = "WB-F777", kind = "wristband" }),
            "POST /api/studies/{studyId}/import/odm" => study.OdmTemplate.Replace("{SUBJECT}", "DE01-0900", StringComparison.Ordinal),
            "POST /api/studies/{studyId}/immune-composition" => "sample,participant,cell_type,cells,fraction\nS1," + study.Participant + ",T cells,120,0.6\nS1," + study.Participant + ",B cells,80,0.4\n",
            "POST /api/studies/{studyId}/sweat-calibrations" => "lot,cytokine,concentration,response,unit\nL1,IL6,0,0.0089,pg/mL\nL1,IL6,4.5,0.0419,pg/mL\nL1,IL6,10.6,0.0873,pg/mL\nL1,IL6,19.7,0.2599,pg/mL\nL1,IL6,40,0.6,pg/mL\nL1,IL6,80,1.2,pg/mL\n",
            "POST /api/studies/{studyId}/participants/{participant}/nights/{date}/analyse" => "",
            "POST /api/me/diaries/{diaryId}/{date}" => Json(new { clientEntryId = "e-1", deviceTime = "2026-03-27T19:00:00+01:00", answers = new { worstItch = 5 } }),
            "POST /api/me/consent" => Json(new { answers = new { voluntary = "Yes", placebo = "No, some receive placebo", diary = "Only during its time window on the day" }, typedName = "Pat Fuzz", pin = FuzzStudy.Pin }),
            "POST /api/participant-app/activate" => Json(new { token = "0123456789abcdef", pin = FuzzStudy.Pin }),
            "POST /api/auth/token" or "POST /api/auth/login" => Json(new { username = "coord.de", password = FuzzStudy.Password }),
            "POST /api/score/{instrument}" => Json(easi),
            "POST /api/devices/{serial}/samples" => DeviceSeeds.Csv(),
            "POST /api/devices/{serial}/readings" => DeviceSeeds.Readings(),
            _ => null,
        };
        if (body is null)
        {
            return null;
        }

        var type = route switch
        {
            "POST /api/studies" or "POST /api/studies/{studyId}/protocol" => "application/yaml",
            "POST /api/studies/{studyId}/import/odm" => "application/xml",
            "POST /api/studies/{studyId}/immune-composition" or "POST /api/studies/{studyId}/sweat-calibrations" or "POST /api/devices/{serial}/samples" => "text/csv",
            _ => "application/json",
        };
        return (body, type);
    }

    /// <summary>The value of route parameter <paramref name="name"/> in the fuzz study (also for the web pages' parameters).</summary>
    public static string ParameterValue(string name, FuzzStudy study) => name.ToLowerInvariant() switch
    {
        "studyid" => study.Study,
        "siteid" => "DE01",
        "participant" or "screeningnumber" => study.Participant,
        "visitid" or "visitkey" => study.VisitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "formid" => "vitals",
        "queryid" or "econsentid" => "1",
        "deviceid" => study.DeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "serial" => study.Wristband.Serial,
        "date" or "nightdate" => "2026-03-27",
        "lot" => "L1",
        "cytokine" => "IL6",
        "diaryid" => "itch",
        "instrument" => "easi",
        "documentname" => "v1",
        "file" => "site.css",
        _ => "x",
    };

    /// <summary>A query string with one or two known parameter names and hostile values.</summary>
    public static string Query(Random random)
    {
        var name = s_queryNames[random.Next(s_queryNames.Length)];
        var value = HostileValues.Text(random);
        return "?" + name + "=" + Escape(value.Length > 2000 ? value[..2000] : value);
    }

    /// <summary>Percent-encodes every byte of the UTF-8 form of <paramref name="text"/> but the unreserved ones (lone surrogates become U+FFFD).</summary>
    public static string Escape(string text)
    {
        var escaped = new System.Text.StringBuilder();
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

    /// <summary>Who sends a request on <paramref name="route"/> when it is not mutated: the role that may.</summary>
    public static string UserFor(string route, FuzzStudy study) => route switch
    {
        _ when route.Contains("/api/me/", StringComparison.Ordinal) || route.StartsWith("GET /p", StringComparison.Ordinal) => study.ParticipantUser,
        "POST /api/studies" or "POST /api/studies/{studyId}/protocol" or "POST /api/studies/{studyId}/sites" or "POST /api/studies/{studyId}/staff"
            or "POST /api/studies/{studyId}/immune-composition" or "POST /api/studies/{studyId}/sweat-calibrations" => "admin",
        "POST /api/studies/{studyId}/locks" or "GET /api/studies/{studyId}/audit" or "GET /api/studies/{studyId}/export/odm" => "dm",
        _ when route.Contains("/queries", StringComparison.Ordinal) && !route.EndsWith("/answer", StringComparison.Ordinal) => "mon",
        _ when route.Contains("/signatures", StringComparison.Ordinal) || route.Contains("/unblind", StringComparison.Ordinal)
            || route.Contains("/countersign", StringComparison.Ordinal) || route.Contains("/stats/", StringComparison.Ordinal) => "inv.de",
        _ => "coord.de",
    };
}
