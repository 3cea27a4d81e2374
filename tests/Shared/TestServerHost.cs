using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dermis.Server;
using Dermis.Server.Auth;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Dermis.Storage.Trials;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Testing;

/// <summary>The real Dermis application on an in-memory test server over a fresh, migrated database.</summary>
public sealed class TestServerHost : IAsyncDisposable
{
    private TestServerHost(TestDatabase test, DermisDatabase database, WebApplication app)
    {
        Test = test;
        Database = database;
        App = app;
        Client = app.GetTestClient();
    }

    public TestDatabase Test { get; }

    public DermisDatabase Database { get; }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>Starts the server on a fresh database of <paramref name="engine"/>.</summary>
    /// <param name="engine">TestDatabase.Sqlite or TestDatabase.PostgreSql.</param>
    /// <param name="time">The server's clock (e.g. a <see cref="ManualClock"/>); the system clock when null.</param>
    public static async Task<TestServerHost> StartAsync(string engine, TimeProvider? time = null)
    {
        var test = await TestDatabase.CreateAsync(engine);
        var database = DermisDatabase.Create(test.Target);
        await new Migrator(database).MigrateAsync();
        // Background rounds would race the tests' own calls; tests run them through NightAnalysisWorker.RunOnceAsync.
        var app = DermisServer.Create(database, new ServerOptions { BackgroundJobs = false }, builder =>
        {
            builder.WebHost.UseTestServer();
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }
        });
        await app.StartAsync();
        return new TestServerHost(test, database, app);
    }

    /// <summary>The password every test account gets.</summary>
    public const string Password = "correct horse battery";

    /// <summary>Creates an account directly in the database (as `dermis account create` does).</summary>
    public async Task<string> CreateAccountAsync(string username, bool admin, string? displayName = null)
    {
        await using var store = await TrialStore.BeginAsync(Database, write: true);
        await store.CreateAccountAsync(username, displayName ?? username, Passwords.Hash(Password), admin, DateTimeOffset.UtcNow);
        await store.CommitAsync(username, null, Dermis.Trials.Audit.AuditSource.System, DateTimeOffset.UtcNow);
        return username;
    }

    /// <summary>Signs <see cref="Client"/> in as <paramref name="username"/> with a bearer token.</summary>
    public async Task SignInAsync(string username) =>
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(username));

    /// <summary>A new client signed in as <paramref name="username"/>.</summary>
    public async Task<HttpClient> ClientForAsync(string username)
    {
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(username));
        return client;
    }

    private async Task<string> TokenAsync(string username)
    {
        using var anonymous = App.GetTestClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { username, password = Password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Database.DisposeAsync();
        await Test.DisposeAsync();
    }
}
