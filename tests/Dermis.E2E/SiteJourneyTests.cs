using System.Net.Http.Json;
using System.Text;
using Dermis.Testing;
using Microsoft.Playwright;

namespace Dermis.E2E;

/// <summary>
/// The site journey in a real browser: a coordinator records the baseline visit and enters EASI (the
/// score computes live, the instrument's messages show at the field), the edit check opens a query,
/// the coordinator answers it and the monitor closes it, the investigator signs, and the other
/// site's coordinator cannot see the participant. Every page is saved as a screenshot.
/// </summary>
public sealed class SiteJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Password = SeedApi.Password;
    private static readonly string Study = TestProtocols.StudyId;

    [BrowserFact]
    public async Task A_baseline_EASI_opens_a_query_that_is_answered_closed_and_signed_and_the_other_site_never_sees_it()
    {
        var number = await SeedAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // --- Coordinator at DE01 ---------------------------------------------------------------
        var coordinator = await SeedApi.SignInAsync(host, "coord.de", "01-login");
        await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Carl Coordinator" })).ToBeVisibleAsync();
        await host.ScreenshotAsync(coordinator, "02-home-coordinator");

        await coordinator.GotoAsync($"/studies/{Study}/participants");
        await Expect(coordinator.GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();
        await host.ScreenshotAsync(coordinator, "03-participants");

        await coordinator.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await coordinator.Locator("select[name=visit]").SelectOptionAsync(new SelectOptionValue { Label = "Baseline (Day 1)" });
        await coordinator.Locator("input[name=date]").FillAsync(today);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Record visit" }).ClickAsync();
        var easiLink = coordinator.Locator("a.form-chip", new() { HasText = "EASI" });
        await Expect(easiLink).ToBeVisibleAsync();
        await host.ScreenshotAsync(coordinator, "04-casebook-baseline-recorded");

        await easiLink.ClickAsync();
        await coordinator.Locator("#f-ageYears").FillAsync("35");
        await coordinator.Locator("#f-regions-head-erythema").SelectOptionAsync("2");
        await coordinator.Locator("#f-regions-head-induration").SelectOptionAsync("1");
        await coordinator.Locator("#f-regions-head-excoriation").SelectOptionAsync("1");
        await coordinator.Locator("#f-regions-head-lichenification").SelectOptionAsync("0");
        await coordinator.Locator("#f-regions-head-area").SelectOptionAsync("2");
        // The other regions' areas are still empty: the instrument's rule shows at the field, live.
        await Expect(coordinator.Locator("#f-regions-trunk-area-msg")).ToContainTextAsync("is null; allowed: integers 0–6");
        await host.ScreenshotAsync(coordinator, "05-easi-field-messages");

        foreach (var region in new[] { "upperLimbs", "trunk", "lowerLimbs" })
        {
            await coordinator.Locator($"#f-regions-{region}-area").SelectOptionAsync("0");
        }

        // Head (2 + 1 + 1 + 0) × area 2 × weight 0.1 = 0.8; the other regions have area 0.
        await Expect(coordinator.Locator("#score-panel dd.total")).ToHaveTextAsync("0.8");
        await Expect(coordinator.Locator("#f-regions-trunk-area-msg")).Not.ToContainTextAsync("is null; allowed: integers 0–6");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved. 1 open query on this form.");
        await Expect(coordinator.Locator(".queries")).ToContainTextAsync("Baseline EASI is below the inclusion threshold of 16");
        await host.ScreenshotAsync(coordinator, "06-easi-saved-query-opened");

        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Mark complete" }).ClickAsync();
        await Expect(coordinator.Locator("h1 .badge").First).ToHaveTextAsync("complete");

        await coordinator.Locator(".queries a").First.ClickAsync();
        await coordinator.GetByLabel("Your message").FillAsync("Re-checked against the source document: EASI 0.8 is correct; the investigator reviews eligibility.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Answer" }).ClickAsync();
        await Expect(coordinator.Locator("h1 .badge")).ToHaveTextAsync("answered");
        await host.ScreenshotAsync(coordinator, "07-query-answered");

        // --- Monitor -----------------------------------------------------------------------------
        var monitor = await SeedApi.SignInAsync(host, "mon", null);
        await monitor.GotoAsync($"/studies/{Study}/queries?state=answered");
        await host.ScreenshotAsync(monitor, "08-queries-monitor");
        await monitor.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Baseline EASI is below") }).ClickAsync();
        await monitor.GetByLabel("Your message").FillAsync("Source verified; query closed.");
        await monitor.GetByRole(AriaRole.Button, new() { Name = "Close query" }).ClickAsync();
        await Expect(monitor.Locator("h1 .badge")).ToHaveTextAsync("closed");
        await Expect(monitor.Locator("ol.thread")).ToContainTextAsync("Re-checked against the source document");
        await host.ScreenshotAsync(monitor, "09-query-closed");

        await monitor.GotoAsync($"/studies/{Study}");
        await Expect(monitor.Locator("svg").First).ToBeVisibleAsync();
        await host.ScreenshotAsync(monitor, "10-dashboard");
        await monitor.GotoAsync($"/studies/{Study}/participants/{number}/audit");
        await Expect(monitor.Locator("table.audit")).ToContainTextAsync("regions.head.erythema");
        await host.ScreenshotAsync(monitor, "11-audit");

        // --- Investigator ------------------------------------------------------------------------
        var investigator = await SeedApi.SignInAsync(host, "inv.de", null);
        await investigator.GotoAsync($"/studies/{Study}/participants/{number}");
        await investigator.GetByLabel("Sign", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Visit: Baseline (Day 1)" });
        await investigator.GetByLabel("Re-enter your password").FillAsync(Password);
        await investigator.GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
        await Expect(investigator.Locator("ul.signatures")).ToContainTextAsync("Dr. Ines Weber (inv.de) signed baseline");
        await host.ScreenshotAsync(investigator, "12-casebook-signed");

        // --- The other site's coordinator --------------------------------------------------------
        var other = await SeedApi.SignInAsync(host, "coord.fr", null);
        await other.GotoAsync($"/studies/{Study}/participants");
        await Expect(other.Locator("table.list")).Not.ToContainTextAsync(number);
        var response = await other.GotoAsync($"/studies/{Study}/participants/{number}");
        Assert.Equal(404, response!.Status);
        await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        await host.ScreenshotAsync(other, "13-other-site-not-found");
        var audit = await other.GotoAsync($"/studies/{Study}/participants/{number}/audit");
        Assert.Equal(404, audit!.Status);
    }

    [BrowserFact]
    public async Task Pages_fit_a_1024_px_tablet_and_a_signed_out_visitor_is_sent_to_sign_in()
    {
        await SeedAsync();
        var anonymous = await host.NewPageAsync();
        await anonymous.GotoAsync($"/studies/{Study}/queries");
        Assert.EndsWith($"/login?ReturnUrl=%2Fstudies%2F{Study}%2Fqueries", anonymous.Url, StringComparison.Ordinal);

        var coordinator = await SeedApi.SignInAsync(host, "coord.de", null, width: 1024);
        foreach (var path in new[] { "/", $"/studies/{Study}", $"/studies/{Study}/participants", $"/studies/{Study}/queries", $"/studies/{Study}/sites" })
        {
            await coordinator.GotoAsync(path);
            var overflow = await coordinator.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow == 0, $"{path} scrolls sideways by {overflow} px at 1024 px");
        }

        await host.ScreenshotAsync(coordinator, "14-sites-1024px");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static readonly Lock Gate = new();
    private static Task<string>? _seeding;

    /// <summary>Seeds once for the class's one server (xunit makes a new test object per test, the fixture lives across them).</summary>
    private Task<string> SeedAsync()
    {
        lock (Gate)
        {
            return _seeding ??= SeedStudyAsync();
        }
    }

    /// <summary>The study of the shared test protocol with DE01 and FR01 and their staff, and one enrolled participant at DE01.</summary>
    private async Task<string> SeedStudyAsync()
    {
        using var api = await SeedApi.AdminAsync(host);
        await SeedApi.SendAsync(api, HttpMethod.Post, "/api/studies", new StringContent(TestProtocols.AtopicDermatitis, Encoding.UTF8, "application/yaml"));
        await SeedApi.SendAsync(api, HttpMethod.Post, $"/api/studies/{Study}/sites", JsonContent.Create(new { id = "DE01", name = "Charité Dermatology", country = "DE", investigator = "Dr. Ines Weber", capacity = 40, activationDate = "2026-06-01" }));
        await SeedApi.SendAsync(api, HttpMethod.Post, $"/api/studies/{Study}/sites", JsonContent.Create(new { id = "FR01", name = "Hôpital Saint-Louis", country = "FR", investigator = "Dr. Paul Martin", capacity = 30, activationDate = "2026-07-01" }));
        foreach (var (username, name, role, site) in new[]
        {
            ("mon", "Mona Monitor", "monitor", "DE01"), ("inv.de", "Dr. Ines Weber", "investigator", "DE01"),
            ("coord.de", "Carl Coordinator", "coordinator", "DE01"), ("coord.fr", "Claire Coordinatrice", "coordinator", "FR01"),
        })
        {
            await SeedApi.SendAsync(api, HttpMethod.Post, $"/api/studies/{Study}/staff",
                JsonContent.Create(new { username, displayName = name, password = Password, roles = new[] { new { role, site } } }));
        }

        using var coordinator = await SeedApi.ClientAsync(host, "coord.de");
        var screened = await SeedApi.SendAsync(coordinator, HttpMethod.Post, $"/api/studies/{Study}/sites/DE01/participants", JsonContent.Create(new { }));
        var number = screened.GetProperty("screeningNumber").GetString()!;
        await SeedApi.SendAsync(coordinator, HttpMethod.Post, $"/api/studies/{Study}/participants/{number}/consent", JsonContent.Create(new { documentVersion = "2.0", signedOn = "2026-08-20", method = "onSite" }));
        await SeedApi.SendAsync(coordinator, HttpMethod.Put, $"/api/studies/{Study}/participants/{number}/eligibility", JsonContent.Create(new { answers = new Dictionary<string, bool> { ["IC1"] = true, ["IC2"] = true, ["EC1"] = false } }));
        await SeedApi.SendAsync(coordinator, HttpMethod.Post, $"/api/studies/{Study}/participants/{number}/status", JsonContent.Create(new { action = "enrol" }));
        return number;
    }
}
