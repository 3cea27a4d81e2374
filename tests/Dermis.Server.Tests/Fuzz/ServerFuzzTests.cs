using Dermis.Bench.Fuzz;
using Dermis.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Dermis.Server.Tests.Fuzz;

/// <summary>
/// Hostile requests in CI (docs/fuzzing.md): mutated API bodies, paths, content types and senders on every route,
/// device batches, and ODM import files, against the real application on SQLite. No answer may be a 5xx or take
/// more than 5 s, and a request that was not accepted must leave every table's row count and every audit chain
/// head as they were.
/// </summary>
public sealed class ServerFuzzTests
{
    private const int Seed = 20261122;

    private static async Task<FuzzTally> RunAsync(string target, int cases)
    {
        await using var host = await TestServerHost.StartAsync(TestDatabase.Sqlite);
        var clients = new List<HttpClient>();
        try
        {
            var study = await FuzzStudy.SetUpAsync(host.Database, () =>
            {
                var client = host.App.GetTestClient();
                clients.Add(client);
                return client;
            });
            return await ServerFuzzer.RunAsync(target, study, host.Database, ServerFuzzer.Routes(host.App.Services), cases, Seed);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static string Reproduce(FuzzTally tally) =>
        $"reproduce with: dotnet run -c Release --project bench/Dermis.Bench -- fuzz --target {tally.Target} --seed {tally.Seed} --cases {tally.Cases}\n{tally.Report()}";

    /// <summary>The ASP.NET Core default ProblemDetails (type, title, status, traceId; no detail): written by the framework, not by Dermis.</summary>
    private static bool IsFrameworkDefault(FuzzFailure failure) =>
        failure.Description.Contains("{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.", StringComparison.Ordinal)
        && !failure.Description.Contains("\"detail\"", StringComparison.Ordinal);

    [Theory]
    [InlineData("device", 600)]
    [InlineData("odm", 300)]
    public async Task Device_and_odm_fuzz_no_5xx_no_hang_and_refused_requests_change_no_data(string target, int cases)
    {
        var tally = await RunAsync(target, cases);

        Assert.True(tally.Count(FuzzOutcome.ServerError) + tally.Count(FuzzOutcome.Crash) + tally.Count(FuzzOutcome.Timeout) == 0, Reproduce(tally));
        Assert.Equal(cases, tally.Cases);
        Assert.True(tally.Count(FuzzOutcome.Accepted) > 0 && tally.Count(FuzzOutcome.Refused) > cases / 2, Reproduce(tally));
        // Known gap (reported to the Hosting/Auth owners): an anonymous caller's 401 is the framework's default
        // ProblemDetails without a detail. Every 4xx without a message must be that one, nothing Dermis writes.
        Assert.All(tally.Failures.Where(f => f.Outcome == FuzzOutcome.Unexplained), f => Assert.True(IsFrameworkDefault(f), f.ToString()));
    }

    [Fact]
    public async Task Api_fuzz_every_route_no_hang_and_refused_requests_change_no_data()
    {
        var tally = await RunAsync("api", 800);

        Assert.True(tally.Count(FuzzOutcome.Crash) + tally.Count(FuzzOutcome.Timeout) == 0, Reproduce(tally));
        Assert.Equal(800, tally.Cases);
        // The gaps this harness found in hosting (an unknown JSON charset, a lone surrogate, a cut multipart body were 500s;
        // the framework's own 400/401/404/415 had no detail) are closed in ProblemMapping: no 5xx, every 4xx explained.
        Assert.Equal(0, tally.Count(FuzzOutcome.ServerError));
        Assert.Equal(0, tally.Count(FuzzOutcome.Unexplained));
    }

    [Fact]
    public async Task SweatCalibration_blank_cytokine_in_the_path_is_404_not_500()
    {
        // Found by the api fuzzer: "%20" reached Cytokines.Normalise, whose ArgumentException was a 500.
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);

        var (status, body) = await trial.GetAsync("coord.de", $"/api/studies/{trial.Study}/sweat-calibrations/L1/%20");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, status);
        Assert.Equal("urn:dermis:problem:not-found", body.GetProperty("type").GetString());
        Assert.Equal($"No calibration of lot L1 for   in {trial.Study}.", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"ageYears\":\"\\ud800\"}", "Cannot read incomplete UTF-16 JSON text as string with missing low surrogate.")]
    [InlineData("{\"ageYears\":\"\u00e2\u0082\"}", "Cannot transcode invalid UTF-8 JSON text to UTF-16 string.")]
    public async Task Score_string_that_is_not_valid_Unicode_is_400_malformed_json_not_500(string json, string reason)
    {
        // Found by the api fuzzer: a lone surrogate escape or cut UTF-8 sequence inside a string was a 500.
        await using var host = await TestServerHost.StartAsync(TestDatabase.Sqlite);
        // The second case is sent as Latin-1 bytes so that "\u00e2\u0082" becomes the raw bytes E2 82 (a cut UTF-8 sequence).
        using var content = new ByteArrayContent(System.Text.Encoding.Latin1.GetBytes(json));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await host.Client.PostAsync(new Uri("/api/score/easi", UriKind.Relative), content);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("urn:dermis:problem:malformed-json", body.GetProperty("type").GetString());
        Assert.Equal("A string in the body is not valid Unicode: " + reason, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task DataSnapshot_an_added_account_shows_as_one_more_row_and_nothing_else()
    {
        await using var host = await TestServerHost.StartAsync(TestDatabase.Sqlite);
        var snapshot = await DataSnapshot.ForAsync(host.Database);
        var before = await snapshot.TakeAsync();

        await host.CreateAccountAsync("extra", admin: false);
        var after = await snapshot.TakeAsync();

        // A fresh database has the installation's accounts table empty; the account commit writes no audit chain (system source).
        Assert.Contains("account=0", before.Split('\n'));
        Assert.Equal("account=1", DataSnapshot.Difference(before, after));
    }
}
