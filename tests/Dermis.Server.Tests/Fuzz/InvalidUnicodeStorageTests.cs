using System.Net;
using System.Text;
using System.Text.Json;
using Dermis.Testing;

namespace Dermis.Server.Tests.Fuzz;

/// <summary>
/// Found by the long fuzz run (seed 4): a form saved with a lone-surrogate escape was stored, and every later read of
/// it was a 500. Such text is now refused on the way in, naming the item, and nothing is stored.
/// </summary>
public sealed class InvalidUnicodeStorageTests
{
    [Fact]
    public async Task Form_save_with_a_lone_surrogate_is_400_naming_the_item_and_the_form_stays_readable()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var s = $"/api/studies/{trial.Study}";
        var p = await trial.EnrolAsync();
        var (_, visit) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "screening", date = "2026-08-25" });
        var path = $"{s}/participants/{p}/visits/{visit.GetProperty("id").GetInt64()}/forms/vitals";
        var client = await trial.ClientAsync("coord.de");

        using var response = await client.PutAsync(path, new StringContent("""{"data":{"weight":70,"note":"a\ud800\u0000b"}}""", Encoding.UTF8, "application/json"));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var (read, form) = await trial.GetAsync("coord.de", path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("holds an invalid UTF-16 escape (a lone surrogate); send text as valid Unicode", problem.GetProperty("errors").GetProperty("data.note")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal(JsonValueKind.Null, form.GetProperty("data").ValueKind);
    }
}
