using Dermis.Server;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

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

    public static async Task<TestServerHost> StartAsync(string engine)
    {
        var test = await TestDatabase.CreateAsync(engine);
        var database = DermisDatabase.Create(test.Target);
        await new Migrator(database).MigrateAsync();
        var app = DermisServer.Create(database, new ServerOptions(), builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        return new TestServerHost(test, database, app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Database.DisposeAsync();
        await Test.DisposeAsync();
    }
}
