using System.Net;
using System.Text;
using System.Text.Json;
using Dermis.Server.Hosting;
using Dermis.Testing;

namespace Dermis.Server.Tests;

public sealed class ScoreEndpointTests
{
    [Fact]
    public async Task Post_easi_worked_example_returns_exact_total_and_regions()
    {
        await using var host = await TestServerHost.StartAsync(TestDatabase.Sqlite);

        var response = await PostAsync(host, "easi", """
            { "ageYears": 5,
              "regions": {
                "head":       { "erythema": 2, "induration": 1, "excoriation": 1, "lichenification": 0, "area": 2 },
                "upperLimbs": { "erythema": 2, "induration": 2, "excoriation": 1.5, "lichenification": 1, "area": 3 },
                "trunk":      { "erythema": 1, "induration": 1, "excoriation": 1, "lichenification": 0, "area": 2 },
                "lowerLimbs": { "erythema": 2.5, "induration": 2, "excoriation": 2, "lichenification": 2, "area": 4 } } }
            """);

        // Child weights (0.2, 0.2, 0.3, 0.3): 1.6 + 3.90 + 1.8 + 10.20 = 17.50 (instruments reference §4.1).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"total\":17.5,", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("easi", json.RootElement.GetProperty("instrument").GetString());
        Assert.Equal("child", json.RootElement.GetProperty("weights").GetString());
        Assert.Equal("moderate", json.RootElement.GetProperty("band").GetString());
        Assert.Equal(10.2m, json.RootElement.GetProperty("regions").GetProperty("lowerLimbs").GetDecimal());
    }

    [Fact]
    public async Task Post_dlqi_worked_example_returns_12_very_large()
    {
        await using var host = await TestServerHost.StartAsync(TestDatabase.Sqlite);

        // 3,2,1,NR,2,0, Q7 "No" + "a little" (1), 1, NR, 2 = 12 (instruments reference §4.7).
        var response = await PostAsync(host, "dlqi", """
            { "answers": ["veryMuch", "aLot", "aLittle", "notRelevant", "aLot", "notAtAll", "aLittle", "aLittle", "notRelevant", "aLot"] }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(12, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal("veryLarge", json.RootElement.GetProperty("band").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("notRelevant").GetInt32());
    }

    [Fact]
    public async Task Post_invalid_values_is_400_problem_details_with_each_field()
    {
        await using var host = await TestServerHost.StartAsync(TestDatabase.Sqlite);

        var response = await PostAsync(host, "scorad", """
            { "extentPercent": 120, "intensity": { "erythema": 2, "oedema": 2, "oozing": 1, "excoriation": 2, "lichenification": 1, "dryness": 2 },
              "pruritusVas": -1, "sleeplessnessVas": 5 }
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ProblemTypes.InvalidScoreInput, problem.RootElement.GetProperty("type").GetString());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal("120 is out of range; allowed: 0 to 100", errors.GetProperty("extentPercent")[0].GetString());
        Assert.Equal("-1 is out of range; allowed: 0 to 10", errors.GetProperty("pruritusVas")[0].GetString());
        Assert.Equal(2, errors.EnumerateObject().Count());
    }

    [Fact]
    public async Task Post_malformed_json_is_400_and_unknown_instrument_is_404()
    {
        await using var host = await TestServerHost.StartAsync(TestDatabase.Sqlite);

        var malformed = await PostAsync(host, "poem", "{ \"answers\": [1, 2");
        var unknown = await PostAsync(host, "sassad", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        using var malformedProblem = JsonDocument.Parse(await malformed.Content.ReadAsStringAsync());
        Assert.Equal(ProblemTypes.MalformedJson, malformedProblem.RootElement.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var unknownProblem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(ProblemTypes.UnknownInstrument, unknownProblem.RootElement.GetProperty("type").GetString());
        Assert.StartsWith("'sassad' is not an instrument Dermis scores; allowed: easi, pasi,", unknownProblem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAsync(TestServerHost host, string instrument, string json) =>
        host.Client.PostAsync(new Uri($"/api/score/{instrument}", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
}
