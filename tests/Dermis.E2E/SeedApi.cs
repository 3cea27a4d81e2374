using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dermis.Server.Auth;
using Dermis.Storage.Trials;
using Microsoft.Playwright;

namespace Dermis.E2E;

/// <summary>Seeding a browser test's server through its API, and signing staff in through the sign-in page.</summary>
internal static class SeedApi
{
    public const string Password = "correct horse battery";

    /// <summary>The first installation administrator (as `dermis account create` makes it) and an API client signed in as them.</summary>
    public static async Task<HttpClient> AdminAsync(BrowserHost host)
    {
        await using (var store = await TrialStore.BeginAsync(host.Database, write: true))
        {
            await store.CreateAccountAsync("admin", "Ada Admin", Passwords.Hash(Password), true, DateTimeOffset.UtcNow);
            await store.CommitAsync("admin", null, Dermis.Trials.Audit.AuditSource.System, DateTimeOffset.UtcNow);
        }

        return await ClientAsync(host, "admin");
    }

    /// <summary>An API client with a bearer token of <paramref name="username"/>.</summary>
    public static async Task<HttpClient> ClientAsync(BrowserHost host, string username)
    {
        var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Sends a request that must succeed (200 or 201); returns its JSON body.</summary>
    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent content)
    {
        using var message = new HttpRequestMessage(method, path) { Content = content };
        using var response = await client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Signs a staff member in on the sign-in page (optionally saving a screenshot of it filled in).</summary>
    public static async Task<IPage> SignInAsync(BrowserHost host, string username, string? screenshot = null, int width = 1280)
    {
        var page = await host.NewPageAsync(width);
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(Password);
        if (screenshot is not null)
        {
            await host.ScreenshotAsync(page, screenshot);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Welcome") })).ToBeVisibleAsync();
        return page;
    }
}
