using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Dermis.Storage.Trials;
using Dermis.Testing;
using Microsoft.Playwright;

namespace Dermis.E2E;

/// <summary>
/// The participant app on a phone (390×844, Europe/Paris): the site invites, the participant
/// activates with a PIN, reads and signs the consent, the investigator countersigns, the participant
/// enters today's itch diary, is refused yesterday's (its window closed), and fills a POEM without
/// network that is sent once when the network returns, and only once when sent again.
/// </summary>
public sealed class ParticipantAppJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Password = SeedApi.Password;
    private const string Pin = "482915";
    private const string Zone = "Europe/Paris";
    private static readonly string Study = TestProtocols.StudyId;

    /// <summary>
    /// The test protocol with electronic consent and two diaries whose windows are whole local days, so
    /// that whatever the hour the test runs, today's window is open and yesterday's has closed.
    /// </summary>
    private static readonly string Protocol = TestProtocols.AtopicDermatitis.Replace("consent:\n  documentVersion: \"2.0\"\n", """
        consent:
          documentVersion: "2.0"
          documents:
            - version: "2.0"
              title: "Participant information and consent (version 2.0)"
              text: |
                You are invited to take part in a study of an antibody for atopic dermatitis.

                Taking part is voluntary. You may stop at any time without giving a reason.
              questions:
                - { id: voluntary, text: "Can you stop at any time?", options: ["Yes", "No"], answer: "Yes", explanation: "Taking part is voluntary (second paragraph)." }
        diaries:
          - { id: itch, name: "Evening itch", instrument: ppnrs, every: 1, from: -14, until: 113, opens: "00:00", closes: "23:59", minimumDaysPerWeek: 4 }
          - { id: poem, name: "POEM (weekly)", instrument: poem, every: 7, from: 1, until: 113, opens: "00:00", closes: "23:59" }

        """, StringComparison.Ordinal);

    [BrowserFact]
    public async Task A_participant_is_invited_signs_consent_enters_a_diary_is_refused_a_late_one_and_an_offline_entry_is_stored_once()
    {
        var number = await SeedAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // --- The site invites --------------------------------------------------------------------
        var coordinator = await SeedApi.SignInAsync(host, "coord.de");
        await coordinator.GotoAsync($"/studies/{Study}/participants/{number}/home");
        await coordinator.Locator("input[name=timeZone]").FillAsync(Zone);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var link = (await coordinator.Locator("[data-invitation]").InnerTextAsync()).Trim();
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/p/join/[A-Za-z0-9_-]{43}$", link);
        await host.ScreenshotAsync(coordinator, "p01-site-invitation");

        // --- The participant activates on a phone ------------------------------------------------------
        await using var phoneContext = await host.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, TimezoneId = Zone, BaseURL = host.BaseUrl,
        });
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(link);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Welcome to your study app" })).ToBeVisibleAsync();
        await phone.Locator("#pin").FillAsync(Pin);
        await phone.Locator("#pin2").FillAsync(Pin);
        await host.ScreenshotAsync(phone, "p02-phone-join");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        var username = $"{Study}-{number}".ToLowerInvariant();
        await Expect(phone.GetByText("Welcome! Your user name is")).ToContainTextAsync(username);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Please read and sign the consent form" })).ToBeVisibleAsync();
        await Expect(phone.Locator("ul.tasks li.open")).ToHaveCountAsync(2); // today's itch and today's POEM
        await host.ScreenshotAsync(phone, "p03-phone-today");

        // A used link cannot be used again.
        var again = await phoneContext.NewPageAsync();
        await again.GotoAsync(link);
        await Expect(again.Locator(".problem")).ToContainTextAsync("already used");
        await again.CloseAsync();

        // --- Consent: a wrong answer is explained, then signed with name and PIN ---------------------------
        await phone.GotoAsync("/p/consent");
        await phone.GetByText("No", new() { Exact = true }).ClickAsync();
        await phone.Locator("#typedName").FillAsync("Marie Dupont");
        await phone.Locator("#pin").FillAsync(Pin);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign consent" }).ClickAsync();
        await Expect(phone.Locator(".problem")).ToContainTextAsync("Taking part is voluntary (second paragraph).");
        await phone.GetByText("Yes", new() { Exact = true }).ClickAsync();
        await phone.Locator("#pin").FillAsync(Pin);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign consent" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "You signed version 2.0" })).ToBeVisibleAsync();
        await Expect(phone.Locator("section.card").First).ToContainTextAsync("Waiting for the investigator's countersignature.");
        await host.ScreenshotAsync(phone, "p04-phone-consent-signed");

        // --- The investigator countersigns -----------------------------------------------------------
        var investigator = await SeedApi.SignInAsync(host, "inv.de");
        await investigator.GotoAsync($"/studies/{Study}/participants/{number}/home");
        await Expect(investigator.Locator("#econsent ~ p .badge")).ToHaveTextAsync("snapshot intact");
        await investigator.Locator("input[name=password]").FillAsync(Password);
        await investigator.GetByRole(AriaRole.Button, new() { Name = "Countersign" }).ClickAsync();
        await Expect(investigator.GetByText("Countersigned by Dr. Ines Weber")).ToBeVisibleAsync();
        await host.ScreenshotAsync(investigator, "p05-site-countersigned");
        await phone.ReloadAsync();
        await Expect(phone.Locator("section.card").First).ToContainTextAsync("Countersigned by Dr. Ines Weber");

        // --- Today's itch diary ------------------------------------------------------------------------
        await phone.GotoAsync($"/p/diary/itch/{Text(today)}");
        await phone.Locator(".scale label", new() { HasText = "6" }).First.ClickAsync();
        await host.ScreenshotAsync(phone, "p06-phone-itch-diary");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Save entry" }).ClickAsync();
        await Expect(phone.GetByText("Thank you, your entry is saved.")).ToBeVisibleAsync();
        await Expect(phone.Locator("ul.tasks li").First).ToContainTextAsync("Score 6");
        await host.ScreenshotAsync(phone, "p07-phone-history");

        // --- Yesterday's window has closed: refused with the reason ------------------------------------------
        var yesterday = today.AddDays(-1);
        await phone.GotoAsync($"/p/diary/itch/{Text(yesterday)}");
        await phone.Locator(".scale label", new() { HasText = "5" }).First.ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Save entry" }).ClickAsync();
        await Expect(phone.Locator(".problem")).ToContainTextAsync($"The diary for {Text(yesterday)} closed at 23:59 on {Text(yesterday)}");
        await host.ScreenshotAsync(phone, "p08-phone-late-refused");

        // --- POEM without network: kept on the phone, sent once when the network returns ---------------------------
        await phone.GotoAsync($"/p/diary/poem/{Text(today)}");
        await phoneContext.SetOfflineAsync(true);
        for (var q = 0; q < 7; q++)
        {
            await phone.Locator($"input[name='answers[{q}]'][value='{(q % 3).ToString(CultureInfo.InvariantCulture)}']").CheckAsync(new() { Force = true });
        }

        await phone.GetByRole(AriaRole.Button, new() { Name = "Save entry" }).ClickAsync();
        await Expect(phone.Locator("#offline-status")).ToContainTextAsync("No network: your entry was saved on this phone");
        var queued = await phone.EvaluateAsync<string>("localStorage.getItem('dermis.queue')");
        Assert.Contains("clientEntryId", queued, StringComparison.Ordinal);
        await host.ScreenshotAsync(phone, "p09-phone-offline-queued");
        await phoneContext.SetOfflineAsync(false);
        await phone.EvaluateAsync("window.dispatchEvent(new Event('online'))");
        await Expect(phone.Locator("#offline-status")).ToContainTextAsync("Your saved entry was sent.");

        // The phone sends the same entry again (a lost acknowledgement): still one POEM entry.
        await phone.GotoAsync("/p/history");
        await phone.EvaluateAsync("q => localStorage.setItem('dermis.queue', q)", queued);
        await phone.GotoAsync("/p/history");
        await Expect(phone.Locator("#offline-status")).ToContainTextAsync("Your saved entry was sent.");
        await phone.GotoAsync("/p/history");
        Assert.Equal("[]", await phone.EvaluateAsync<string>("localStorage.getItem('dermis.queue')"));
        await Expect(phone.Locator("ul.tasks li", new() { HasText = "POEM" })).ToHaveCountAsync(1);
        // POEM answers 0,1,2,0,1,2,0 sum to 6.
        await Expect(phone.Locator("ul.tasks li", new() { HasText = "POEM" })).ToContainTextAsync("Score 6");
        await host.ScreenshotAsync(phone, "p10-phone-history-after-offline");

        await using (var store = await TrialStore.BeginAsync(host.Database, write: false))
        {
            var participant = await store.GetParticipantAsync(Study, number);
            var entries = await store.ListDiaryEntriesAsync(participant!.Id);
            Assert.Equal(["itch", "poem"], entries.Select(e => e.DiaryId).Order(StringComparer.Ordinal));
            var poem = entries.Single(e => e.DiaryId == "poem");
            Assert.EndsWith(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).ToString("zzz", CultureInfo.InvariantCulture), poem.DeviceTime, StringComparison.Ordinal);
        }

        // The site sees the diary compliance and the entries.
        await coordinator.GotoAsync($"/studies/{Study}/compliance");
        await Expect(coordinator.Locator("table.list")).ToContainTextAsync(number);
        await host.ScreenshotAsync(coordinator, "p11-site-compliance");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>The study with e-consent and diaries, its sites and staff, and one enrolled participant whose baseline was 7 days ago (so study day 8, a POEM day, is today).</summary>
    private async Task<string> SeedAsync()
    {
        using var api = await SeedApi.AdminAsync(host);
        await SeedApi.SendAsync(api, HttpMethod.Post, "/api/studies", new StringContent(Protocol, Encoding.UTF8, "application/yaml"));
        await SeedApi.SendAsync(api, HttpMethod.Post, $"/api/studies/{Study}/sites", JsonContent.Create(new { id = "DE01", name = "Charité Dermatology", country = "DE", investigator = "Dr. Ines Weber", capacity = 40, activationDate = "2026-06-01" }));
        foreach (var (username, name, role) in new[] { ("inv.de", "Dr. Ines Weber", "investigator"), ("coord.de", "Carl Coordinator", "coordinator") })
        {
            await SeedApi.SendAsync(api, HttpMethod.Post, $"/api/studies/{Study}/staff",
                JsonContent.Create(new { username, displayName = name, password = Password, roles = new[] { new { role, site = "DE01" } } }));
        }

        using var coordinator = await SeedApi.ClientAsync(host, "coord.de");
        var screened = await SeedApi.SendAsync(coordinator, HttpMethod.Post, $"/api/studies/{Study}/sites/DE01/participants", JsonContent.Create(new { }));
        var number = screened.GetProperty("screeningNumber").GetString()!;
        await SeedApi.SendAsync(coordinator, HttpMethod.Post, $"/api/studies/{Study}/participants/{number}/consent", JsonContent.Create(new { documentVersion = "2.0", signedOn = "2026-08-20", method = "onSite" }));
        await SeedApi.SendAsync(coordinator, HttpMethod.Put, $"/api/studies/{Study}/participants/{number}/eligibility", JsonContent.Create(new { answers = new Dictionary<string, bool> { ["IC1"] = true, ["IC2"] = true, ["EC1"] = false } }));
        await SeedApi.SendAsync(coordinator, HttpMethod.Post, $"/api/studies/{Study}/participants/{number}/status", JsonContent.Create(new { action = "enrol" }));
        var paris = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Zone));
        var baseline = DateOnly.FromDateTime(paris.DateTime).AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await SeedApi.SendAsync(coordinator, HttpMethod.Post, $"/api/studies/{Study}/participants/{number}/visits", JsonContent.Create(new { visit = "baseline", date = baseline }));
        return number;
    }
}
