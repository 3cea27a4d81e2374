using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dermis.Server.Demo;
using Microsoft.Playwright;

namespace Dermis.E2E;

/// <summary>
/// <c>dermis demo</c> end to end: the seeded demo, every web page as each role (sponsor statistician,
/// data manager, investigator, coordinator, monitor) and the participant app as a participant; each page
/// answers below 400, shows no error or exception text, and every SVG chart has data marks. A screenshot
/// per page and role lands in the screenshot folder as <c>demo-{role}-{page}.png</c>.
/// </summary>
public sealed partial class DemoTests(DemoHost demo) : IClassFixture<DemoHost>
{
    private static readonly string Study = DemoSeeder.StudyId;

    [BrowserFact]
    public async Task Demo_every_page_as_every_role_renders_data_without_errors()
    {
        Assert.Equal(DemoHost.Screened, demo.Seed!.Screened);
        Assert.Equal(DemoHost.Screened - (DemoHost.Screened / 5), demo.Seed.Randomised);
        Assert.True(demo.Seed.DiaryEntries > 1000, $"{demo.Seed.DiaryEntries} diary entries");

        var (number, visit, queryId) = await PickAsync();
        string[] pages =
        [
            "/", $"/studies/{Study}", $"/studies/{Study}/participants", $"/studies/{Study}/participants/{number}",
            $"/studies/{Study}/participants/{number}/visits/{visit}/forms/easi", $"/studies/{Study}/queries", $"/studies/{Study}/queries/{queryId}",
            $"/studies/{Study}/participants/{number}/audit", $"/studies/{Study}/sites", $"/studies/{Study}/participants/{number}/home",
            $"/studies/{Study}/compliance", $"/studies/{Study}/sensing",
        ];
        var visited = 0;
        foreach (var user in new[] { DemoAccounts.Sponsor, "dm", DemoAccounts.Investigator("DE01"), DemoAccounts.Coordinator("DE01"), DemoAccounts.Monitor("DE01") })
        {
            var page = await SignInAsync(user, DemoAccounts.Password);
            foreach (var path in pages)
            {
                // The audit trail is not a coordinator's (viewAudit): a 403 page is the expected answer there.
                var expectForbidden = user.StartsWith("coord.", StringComparison.Ordinal) && path.EndsWith("/audit", StringComparison.Ordinal);
                await VisitAsync(page, user, path, expectForbidden);
                visited++;
            }

            await page.Context.CloseAsync();
        }

        var phone = await SignInAsync($"{Study}-{number}".ToLowerInvariant(), DemoAccounts.Pin, width: 390);
        foreach (var path in new[] { "/p", "/p/history", "/p/consent", "/p/devices" })
        {
            await VisitAsync(phone, "participant", path, expectForbidden: false);
            visited++;
        }

        Assert.Equal((5 * pages.Length) + 4, visited);
    }

    /// <summary>A DE01 participant randomised early (visits to week 52 or beyond week 16), one of their visits, and a query.</summary>
    private async Task<(string Number, long Visit, long Query)> PickAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(demo.BaseUrl) };
        using var token = await client.PostAsJsonAsync("/api/auth/token", new { username = DemoAccounts.Sponsor, password = DemoAccounts.Password });
        var bearer = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        var participants = await client.GetFromJsonAsync<JsonElement>($"/api/studies/{Study}/participants");
        var number = participants.EnumerateArray()
            .Select(p => p.GetProperty("screeningNumber").GetString()!)
            .First(n => n.StartsWith("DE01-", StringComparison.Ordinal) && IsRandomised(participants, n));
        var visits = await client.GetFromJsonAsync<JsonElement>($"/api/studies/{Study}/participants/{number}/visits");
        var baseline = visits.EnumerateArray().First(v => v.GetProperty("visitId").GetString() == "baseline").GetProperty("id").GetInt64();
        var queries = await client.GetFromJsonAsync<JsonElement>($"/api/studies/{Study}/queries");
        var query = queries.EnumerateArray().First(q => q.GetProperty("site").GetString() == "DE01").GetProperty("id").GetInt64();
        return (number, baseline, query);
    }

    private static bool IsRandomised(JsonElement participants, string number) =>
        participants.EnumerateArray().Any(p => p.GetProperty("screeningNumber").GetString() == number && p.GetProperty("status").GetString() is not ("screened" or "screenFailed" or "enrolled"));

    private async Task<IPage> SignInAsync(string username, string password, int width = 1280)
    {
        var page = await demo.Browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, BaseURL = demo.BaseUrl });
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync(username);
        await page.GetByLabel(width < 500 ? new Regex("PIN|Password") : new Regex("Password")).First.FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.DoesNotContain("/login", page.Url, StringComparison.Ordinal);
        return page;
    }

    private async Task VisitAsync(IPage page, string role, string path, bool expectForbidden)
    {
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        var name = $"demo-{role.Replace('.', '-')}-{PageName(path)}";
        await demo.Browser.ScreenshotAsync(page, name);
        if (expectForbidden)
        {
            Assert.Equal(403, response.Status);
            return;
        }

        Assert.True(response.Status < 400, $"{role} {path}: HTTP {response.Status}");
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotMatch(ErrorText(), text);
        Assert.Equal(0, await page.Locator(".problem").CountAsync());
        // Every chart has at least one data mark (a path, rect, circle, polyline or line beyond the frame).
        foreach (var svg in await page.Locator("svg").AllAsync())
        {
            var marks = await svg.Locator("path, rect, circle, polyline, polygon").CountAsync();
            Assert.True(marks > 0, $"{role} {path}: an SVG chart without data marks");
        }
    }

    private static string PageName(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(path.StartsWith("/studies/", StringComparison.Ordinal) ? 2 : 0).ToList();
        var name = string.Join('-', parts.Select(p => Regex.IsMatch(p, @"^(DE01-\d+|\d+)$") ? "x" : p));
        return name.Length == 0 ? (path == "/" ? "home" : "dashboard") : name;
    }

    [GeneratedRegex(@"(?i)(exception|stack trace|an error occurred|unhandled)")]
    private static partial Regex ErrorText();
}
