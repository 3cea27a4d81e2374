using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dermis.Server.Sensing;
using Dermis.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Server.Tests;

/// <summary>Sweat patches end to end: calibration upload, readings ingest, concentrations per location, inflammation alerts.</summary>
public sealed class SweatEndpointTests
{
    public static TheoryData<string> Engines => TestDatabase.Engines;

    // Cardillo's ELISA standard curve (MATLAB File Exchange 38122, logistic4 example), as the IL-6 standards of lot L1;
    // the reference 4PL fit is A = 0.000901, B = 1.5150, C = 108.02, D = 3.7845, R² = 0.99981 (shared/reference/biomarkers.md §2.6a).
    private const string Standards = """
        lot,cytokine,concentration,response,unit
        L1,IL6,0,0.0089,pg/mL
        L1,IL6,4.5,0.0419,pg/mL
        L1,IL6,10.6,0.0873,pg/mL
        L1,IL6,19.7,0.2599,pg/mL
        L1,IL6,40,0.7074,pg/mL
        L1,IL6,84,1.528,pg/mL
        L1,IL6,210,2.7739,pg/mL
        """;

    private static double Response(double concentration) => 3.7845 + ((0.000901 - 3.7845) / (1 + Math.Pow(concentration / 108.02, 1.5150)));

    private static async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(TrialFixture trial, string user, string csv, string query = "")
    {
        var client = await trial.ClientAsync(user);
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync(new Uri($"/api/studies/{trial.Study}/sweat-calibrations{query}", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(TrialFixture trial, string serial, string token, object batch)
    {
        using var client = Microsoft.AspNetCore.TestHost.HostBuilderTestServerExtensions.GetTestClient(trial.Host.App);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/devices/{serial}/readings") { Content = new StringContent(JsonSerializer.Serialize(batch), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "Device " + token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<string> PairPatchAsync(TrialFixture trial, string participant, string serial)
    {
        var (status, device) = await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{participant}/devices", new { serial, kind = "sweatPatch" });
        Assert.Equal(HttpStatusCode.Created, status);
        return device.GetProperty("token").GetString()!;
    }

    private static readonly object[] Channels =
    [
        new { cytokine = "IL-6", location = "left antecubital fossa", lesional = true },
        new { cytokine = "il6", location = "left forearm", lesional = false },
    ];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Standards_are_fitted_versioned_and_refused_whole_when_one_set_cannot_be_fitted(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);

        var (status, fits) = await UploadAsync(trial, "admin", Standards);

        Assert.True(status == HttpStatusCode.OK, fits.ToString());
        var fit = Assert.Single(fits.EnumerateArray());
        Assert.Equal(("L1", "IL-6", 1L, "pg/mL"), (fit.GetProperty("lot").GetString(), fit.GetProperty("cytokine").GetString(), fit.GetProperty("version").GetInt64(), fit.GetProperty("unit").GetString()));
        Assert.Equal(0.99981, fit.GetProperty("rSquared").GetDouble(), 5);
        var (_, detail) = await trial.GetAsync("mon", $"/api/studies/{trial.Study}/sweat-calibrations/L1/IL-6");
        var parameters = detail.GetProperty("curve").GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("value").GetDouble());
        Assert.Equal(108.02, parameters["C"], 108.02 * 1e-3);
        Assert.Equal(1.5150, parameters["B"], 1.5150 * 1e-3);

        // A second upload is version 2; the list shows the latest.
        Assert.Equal(2L, (await UploadAsync(trial, "admin", Standards)).Body[0].GetProperty("version").GetInt64());
        var (_, list) = await trial.GetAsync("mon", $"/api/studies/{trial.Study}/sweat-calibrations");
        Assert.Equal(2L, Assert.Single(list.EnumerateArray()).GetProperty("version").GetInt64());

        // One flat set refuses the whole upload, naming it; nothing of it is stored.
        var flat = Standards + "\nL2,IL-8,0,0.5,pg/mL\nL2,IL-8,0,0.5,pg/mL\nL2,IL-8,1,0.5,pg/mL\nL2,IL-8,10,0.5,pg/mL\nL2,IL-8,100,0.5,pg/mL\nL2,IL-8,1000,0.5,pg/mL\n";
        var (refused, problem) = await UploadAsync(trial, "admin", flat);
        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Equal("urn:dermis:problem:calibration-failed", problem.GetProperty("type").GetString());
        Assert.Contains("L2/IL-8:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        (_, list) = await trial.GetAsync("mon", $"/api/studies/{trial.Study}/sweat-calibrations");
        Assert.Equal(2L, Assert.Single(list.EnumerateArray()).GetProperty("version").GetInt64());

        // The report page draws the fit over the seven standards with its limits.
        var browser = await trial.ClientAsync("mon");
        var html = await browser.GetStringAsync(new Uri($"/studies/{trial.Study}/sweat-calibrations/L1/IL-6", UriKind.Relative));
        Assert.Equal(7, html.Split("<circle class=\"standard\"").Length - 1);
        Assert.Contains("<polyline class=\"fit\"", html, StringComparison.Ordinal);
        Assert.Contains("version 2", html, StringComparison.Ordinal);
        var sensing = await browser.GetStringAsync(new Uri($"/studies/{trial.Study}/sensing", UriKind.Relative));
        Assert.Contains("sweat-calibrations/L1/IL-6", sensing, StringComparison.Ordinal);

        // A malformed file names the line; a monitor may not upload; an unknown model is named.
        var (bad, badProblem) = await UploadAsync(trial, "admin", "lot,cytokine,concentration,response\nL1,IL-6,abc,0.1\n");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("Line 2", badProblem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(trial, "dm", Standards)).Status);
        var (badModel, modelProblem) = await UploadAsync(trial, "admin", Standards, "?model=6pl");
        Assert.Equal(HttpStatusCode.BadRequest, badModel);
        Assert.Equal("4pl, 5pl or loglinear; got '6pl'", modelProblem.GetProperty("errors").GetProperty("model")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Readings_become_concentrations_per_location_with_flags_and_a_retry_adds_nothing(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);
        var p = await trial.EnrolAsync();
        var token = await PairPatchAsync(trial, p, "SP-8001");
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(trial, "admin", Standards)).Status);

        // Lesional: 20 and 80 pg/mL (geometric mean 40); non-lesional: 10 pg/mL, a failed reading, one far below the lowest standard.
        var batch = new
        {
            batchId = "day-1",
            lot = "L1",
            channels = Channels,
            readings = new object?[]
            {
                new { time = "2026-09-10T08:00:00Z", channel = 0, response = Response(20), temperatureC = 33.0, sweatRate = 0.8 },
                new { time = "2026-09-10T09:00:00Z", channel = 0, response = Response(80), temperatureC = 33.2 },
                new { time = "2026-09-10T08:00:00Z", channel = 1, response = Response(10) },
                new { time = "2026-09-10T09:00:00Z", channel = 1, response = (double?)null },
                new { time = "2026-09-10T10:00:00Z", channel = 1, response = -0.5 },
            },
        };
        var (status, receipt) = await SendAsync(trial, "SP-8001", token, batch);
        Assert.True(status == HttpStatusCode.Created, receipt.ToString());
        Assert.Equal((5, 1, false), (receipt.GetProperty("readings").GetInt32(), receipt.GetProperty("failedReadings").GetInt32(), receipt.GetProperty("duplicate").GetBoolean()));
        var (again, retry) = await SendAsync(trial, "SP-8001", token, batch);
        Assert.Equal((HttpStatusCode.OK, true), (again, retry.GetProperty("duplicate").GetBoolean()));
        var (reused, reusedProblem) = await SendAsync(trial, "SP-8001", token, batch with { lot = "L9" });
        Assert.Equal(HttpStatusCode.Conflict, reused);
        Assert.Equal("urn:dermis:problem:batch-id-reused", reusedProblem.GetProperty("type").GetString());

        var (_, report) = await trial.GetAsync("mon", $"/api/studies/{trial.Study}/participants/{p}/sweat?from=2026-09-10&to=2026-09-10");

        Assert.Equal(5, report.GetProperty("readings").GetInt32());
        var flags = report.GetProperty("flags");
        Assert.Equal((3, 1), (flags.GetProperty("ok").GetInt32(), flags.GetProperty("channelFailed").GetInt32()));
        Assert.Equal("1 L1 IL-6", $"{report.GetProperty("calibrations")[0].GetProperty("version").GetInt64()} {report.GetProperty("calibrations")[0].GetProperty("lot").GetString()} {report.GetProperty("calibrations")[0].GetProperty("cytokine").GetString()}");
        var lesional = report.GetProperty("summaries").EnumerateArray().Single(s => s.GetProperty("lesional").GetBoolean());
        Assert.Equal(("left antecubital fossa", 2), (lesional.GetProperty("location").GetString(), lesional.GetProperty("quantifiableCount").GetInt32()));
        Assert.Equal(40, lesional.GetProperty("geometricMean").GetDouble(), 1e-4);
        var contrast = Assert.Single(report.GetProperty("contrasts").EnumerateArray());
        Assert.Equal(2, contrast.GetProperty("log2Ratio").GetDouble(), 1e-4); // 40 / 10 = 4

        // Bad readings name their field and allowed range; a wristband token may not send readings.
        var (bad, problem) = await SendAsync(trial, "SP-8001", token, new { batchId = "bad-1", lot = "L1", channels = Channels, readings = new[] { new { time = "2026-09-10T08:00:00Z", channel = 7, response = 1.0 } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal("an index into channels, 0–1", problem.GetProperty("errors").GetProperty("readings[0].channel")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await trial.GetAsync("coord.fr", $"/api/studies/{trial.Study}/participants/{p}/sweat")).Status);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_sustained_rise_of_the_inflammation_index_alerts_the_site_once_the_days_are_in(string engine)
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-09-20T12:00:00Z", CultureInfo.InvariantCulture));
        await using var trial = await TrialFixture.StartAsync(engine, clock);
        var p = await trial.EnrolAsync();
        var amendment = TestProtocols.AtopicDermatitisAmendment1.Replace("\neligibility:", "\nsensing: { alerts: { sweatBaselineDays: 3, inflammationIndexZ: 2, inflammationDays: 2 } }\neligibility:", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await trial.PostAsync("admin", $"/api/studies/{trial.Study}/protocol", amendment)).Status);
        var token = await PairPatchAsync(trial, p, "SP-8002");
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(trial, "admin", Standards)).Status);
        // IL-6 at one lesional site: 10, 12, 11 pg/mL on three baseline days, then 60 and 70 pg/mL.
        double[] daily = [10, 12, 11, 60, 70];
        var readings = daily.Select((c, d) => new { time = $"2026-09-{10 + d:00}T08:00:00Z", channel = 0, response = Response(c) }).ToArray();
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(trial, "SP-8002", token, new { batchId = "week-1", lot = "L1", channels = Channels, readings })).Status);
        var worker = trial.Host.App.Services.GetRequiredService<NightAnalysisWorker>();

        // The days ended long ago: after the quiet period every day is checked, and the second high day alerts once.
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(5, await worker.RunOnceAsync(CancellationToken.None));

        var casebook = await (await trial.ClientAsync("coord.de")).GetStringAsync(new Uri($"/studies/{trial.Study}/participants/{p}", UriKind.Relative));
        Assert.Contains("id=\"sweat-timeline\"", casebook, StringComparison.Ordinal);
        Assert.Contains("left antecubital fossa (L)", casebook, StringComparison.Ordinal);
        var (_, alerts) = await trial.GetAsync("coord.de", $"/api/studies/{trial.Study}/sensing-alerts");
        var alert = Assert.Single(alerts.EnumerateArray());
        Assert.Equal(("inflammationIndex", "2026-09-14"), (alert.GetProperty("measure").GetString(), alert.GetProperty("night").GetString()));
        // z of day 5 against the baseline's log10 mean and SD (n − 1), computed by hand.
        var baseline = new[] { Math.Log10(10), Math.Log10(12), Math.Log10(11) };
        var mean = baseline.Average();
        var sd = Math.Sqrt(baseline.Sum(v => (v - mean) * (v - mean)) / 2);
        Assert.Equal((Math.Log10(70) - mean) / sd, alert.GetProperty("rollingMean").GetDouble(), 1e-3);
    }
}
