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

    /// <summary>The demo's calibrated sweat sensor lot (docs/demo.md).</summary>
    private const string SweatLot = "DEMO-SWEAT-01";

    [BrowserFact]
    public async Task Demo_every_page_as_every_role_renders_data_without_errors()
    {
        Assert.Equal(DemoHost.Screened, demo.Seed!.Screened);
        Assert.Equal(DemoHost.Screened - (DemoHost.Screened / 5), demo.Seed.Randomised);
        Assert.True(demo.Seed.DiaryEntries > 1000, $"{demo.Seed.DiaryEntries} diary entries");

        var (number, visit, queryId, night) = await PickAsync();
        string[] pages =
        [
            "/", $"/studies/{Study}", $"/studies/{Study}/participants", $"/studies/{Study}/participants/{number}",
            $"/studies/{Study}/participants/{number}/visits/{visit}/forms/easi", $"/studies/{Study}/queries", $"/studies/{Study}/queries/{queryId}",
            $"/studies/{Study}/participants/{number}/audit", $"/studies/{Study}/sites", $"/studies/{Study}/participants/{number}/home",
            $"/studies/{Study}/compliance", $"/studies/{Study}/sensing",
            // Sensing data are not arm data: blinded roles see nights and calibrations too (viewParticipants / membership).
            $"/studies/{Study}/participants/{number}/nights/{night}", $"/studies/{Study}/sweat-calibrations/{SweatLot}/IL-6",
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

    /// <summary>A DE01 participant with a wristband (nights around baseline and week 16), one of their visits, a query, and their first night.</summary>
    private async Task<(string Number, long Visit, long Query, string Night)> PickAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(demo.BaseUrl) };
        using var token = await client.PostAsJsonAsync("/api/auth/token", new { username = DemoAccounts.Sponsor, password = DemoAccounts.Password });
        var bearer = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        // The sensing group has one participant per site, so the DE01 staff below see one with nights.
        var number = demo.NightParticipants.First(n => n.StartsWith("DE01-", StringComparison.Ordinal));
        var visits = await client.GetFromJsonAsync<JsonElement>($"/api/studies/{Study}/participants/{number}/visits");
        var baseline = visits.EnumerateArray().First(v => v.GetProperty("visitId").GetString() == "baseline").GetProperty("id").GetInt64();
        var queries = await client.GetFromJsonAsync<JsonElement>($"/api/studies/{Study}/queries");
        var query = queries.EnumerateArray().First(q => q.GetProperty("site").GetString() == "DE01").GetProperty("id").GetInt64();
        var nights = await client.GetFromJsonAsync<JsonElement>($"/api/studies/{Study}/participants/{number}/nights");
        Assert.Equal(DemoHost.NightsPerParticipant, nights.GetArrayLength());
        return (number, baseline, query, nights.EnumerateArray().Select(n => n.GetProperty("night").GetString()!).Order(StringComparer.Ordinal).First());
    }

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

        await AssertSensingAsync(page, role, path, text);
    }

    /// <summary>The sensing pages show the seeded data: the night's chart and measures, the fit over the 7 standards, the lot, the casebook's nights.</summary>
    private static async Task AssertSensingAsync(IPage page, string role, string path, string text)
    {
        if (path.Contains("/nights/", StringComparison.Ordinal))
        {
            Assert.True(await page.Locator("section[aria-labelledby=signal] svg").CountAsync() == 1, $"{role} {path}: no night chart");
            Assert.Contains("Sleep efficiency", text, StringComparison.Ordinal);
            Assert.Matches(@"Data\s+1 batches, 0 s missing", text);
        }
        else if (path.Contains("/sweat-calibrations/", StringComparison.Ordinal))
        {
            Assert.Equal(7, await page.Locator("svg circle.standard").CountAsync());
            Assert.Equal(1, await page.Locator("svg polyline.fit").CountAsync());
        }
        else if (path.EndsWith("/sensing", StringComparison.Ordinal))
        {
            // The lot's five cytokines, each linked to its calibration page.
            Assert.Equal(5, await page.Locator($"a[href*='sweat-calibrations/{SweatLot}/']").CountAsync());
        }
        else if (Regex.IsMatch(path, @"/participants/DE01-\d+$"))
        {
            Assert.Equal(DemoHost.NightsPerParticipant, await page.Locator("section[aria-labelledby=nights] tbody tr").CountAsync());
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
