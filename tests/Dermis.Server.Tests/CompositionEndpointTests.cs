using System.Net;
using System.Text;
using System.Text.Json;
using Dermis.Testing;

namespace Dermis.Server.Tests;

/// <summary>A single-cell run's composition.csv goes onto participants' casebooks, all or nothing.</summary>
public sealed class CompositionEndpointTests
{
    public static TheoryData<string> Engines => TestDatabase.Engines;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(TrialFixture trial, string user, string csv)
    {
        var client = await trial.ClientAsync(user);
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync(new Uri($"/api/studies/{trial.Study}/immune-composition", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Composition_is_stored_per_sample_replaced_on_re_upload_and_refused_whole_for_an_unknown_participant(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);
        var p = await trial.EnrolAsync();
        var csv = $"""
            sample,participant,cell_type,cells,fraction,collected_on,tissue,pipeline_version
            S1,{p},CD14+ Mono,480,0.48,2026-09-01,blood,dermis-singlecell 1
            S1,{p},B,344,0.344,2026-09-01,blood,dermis-singlecell 1
            S1,{p},"NK, cytotoxic",176,0.176,2026-09-01,blood,dermis-singlecell 1
            """;

        var (status, body) = await UploadAsync(trial, "admin", csv);

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal((1, 3, 1), (body.GetProperty("samples").GetInt32(), body.GetProperty("rows").GetInt32(), body.GetProperty("participants").GetInt32()));
        var (_, rows) = await trial.GetAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/immune-composition");
        Assert.Equal(["CD14+ Mono", "B", "NK, cytotoxic"], rows.EnumerateArray().Select(r => r.GetProperty("cellType").GetString()));
        var casebook = await (await trial.ClientAsync("coord.de")).GetStringAsync(new Uri($"/studies/{trial.Study}/participants/{p}", UriKind.Relative));
        Assert.Contains("Immune-cell composition", casebook, StringComparison.Ordinal);
        Assert.Contains("48.0 %", casebook, StringComparison.Ordinal);

        // A new run of the same sample replaces it.
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(trial, "admin", $"sample,participant,cell_type,cells,fraction\nS1,{p},T,10,1\n")).Status);
        (_, rows) = await trial.GetAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/immune-composition");
        Assert.Equal("T", Assert.Single(rows.EnumerateArray()).GetProperty("cellType").GetString());

        // An unknown participant, a bad share or a repeated cell type refuses the whole file with the line; nothing changes.
        var (refused, problem) = await UploadAsync(trial, "admin", $"sample,participant,cell_type,cells,fraction\nS2,{p},B,5,0.5\nS3,XX99-0001,B,5,0.5\n");
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal($"participant 'XX99-0001' is not in {trial.Study} (map each sample to a participant in the sample sheet)", problem.GetProperty("errors").GetProperty("line 3")[0].GetString());
        (refused, problem) = await UploadAsync(trial, "admin", $"sample,participant,cell_type,cells,fraction\nS4,{p},B,5,1.5\n");
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("line 2: cells must be a whole number ≥ 0 and fraction a number 0–1", problem.GetProperty("errors").GetProperty("body")[0].GetString());
        (refused, problem) = await UploadAsync(trial, "admin", $"sample,participant,cell_type,cells,fraction\nS5,{p},B,5,0.5\nS5,{p},B,5,0.5\n");
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("line 3: sample 'S5' already has a row for 'B'", problem.GetProperty("errors").GetProperty("body")[0].GetString());
        (_, rows) = await trial.GetAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/immune-composition");
        Assert.Single(rows.EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(trial, "coord.de", csv)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await trial.GetAsync("coord.fr", $"/api/studies/{trial.Study}/participants/{p}/immune-composition")).Status);
    }
}
