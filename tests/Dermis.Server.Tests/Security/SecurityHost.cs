using System.Net.Http.Json;
using System.Text.Json;
using Dermis.Server.Auth;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Dermis.Storage.Trials;
using Dermis.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Server.Tests.Security;

/// <summary>The server on a fresh SQLite database with the given security settings, a manual clock, and one account.</summary>
internal sealed class SecurityHost : IAsyncDisposable
{
    public const string User = "ada.admin";
    public const string Password = TestServerHost.Password;

    private SecurityHost(TestDatabase test, DermisDatabase database, WebApplication app, ManualClock clock)
    {
        Test = test;
        Database = database;
        App = app;
        Clock = clock;
    }

    public TestDatabase Test { get; }

    public DermisDatabase Database { get; }

    public WebApplication App { get; }

    public ManualClock Clock { get; }

    public static async Task<SecurityHost> StartAsync(SecurityOptions security)
    {
        var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var database = DermisDatabase.Create(test.Target);
        await new Migrator(database).MigrateAsync();
        var clock = new ManualClock(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        var app = DermisServer.Create(database, new ServerOptions { BackgroundJobs = false, Security = security }, builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Services.AddSingleton<TimeProvider>(clock);
        });
        await app.StartAsync();
        await using (var store = await TrialStore.BeginAsync(database, write: true))
        {
            await store.CreateAccountAsync(User, "Ada Admin", Passwords.Hash(Password), true, clock.Now);
            await store.CommitAsync(User, null, Dermis.Trials.Audit.AuditSource.System, clock.Now);
        }

        return new SecurityHost(test, database, app, clock);
    }

    public HttpClient Client(string? baseAddress = null)
    {
        var client = App.GetTestClient();
        if (baseAddress is not null)
        {
            client.BaseAddress = new Uri(baseAddress);
        }

        return client;
    }

    /// <summary>POSTs JSON anonymously; status, headers and body.</summary>
    public async Task<(int Status, HttpResponseMessage Response, JsonElement Body)> PostAsync(string path, object body, string? bearer = null, string? cookie = null)
    {
        using var client = Client();
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        Authorise(message, bearer, cookie);
        var response = await client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<(int Status, HttpResponseMessage Response)> GetAsync(string path, string? bearer = null, string? cookie = null)
    {
        using var client = Client();
        using var message = new HttpRequestMessage(HttpMethod.Get, path);
        Authorise(message, bearer, cookie);
        var response = await client.SendAsync(message);
        return ((int)response.StatusCode, response);
    }

    public async Task<string> TokenAsync(string username = User, string password = Password)
    {
        var (status, _, body) = await PostAsync("/api/auth/token", new { username, password });
        Assert.Equal(200, status);
        return body.GetProperty("token").GetString()!;
    }

    /// <summary>Signs in with a cookie; returns "dermis=…".</summary>
    public async Task<string> CookieAsync(string username = User, string password = Password)
    {
        var (status, response, _) = await PostAsync("/api/auth/login", new { username, password });
        Assert.Equal(204, status);
        return CookieOf(response) ?? throw new InvalidOperationException("No session cookie was set.");
    }

    /// <summary>The "dermis=…" pair a response sets, or null.</summary>
    public static string? CookieOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Where(v => v.StartsWith("dermis=", StringComparison.Ordinal)).Select(v => v.Split(';')[0]).LastOrDefault()
            : null;

    private static void Authorise(HttpRequestMessage message, string? bearer, string? cookie)
    {
        if (bearer is not null)
        {
            message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        if (cookie is not null)
        {
            message.Headers.Add("Cookie", cookie);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
        await Test.DisposeAsync();
    }
}
