using System.Net;
using System.Text.Json;
using Dapper;
using Dermis.Server;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Dermis.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Dermis.Server.Tests;

public sealed class HealthEndpointTests
{
    public static TheoryData<string> Engines => TestDatabase.Engines;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Health_reports_version_engine_schema_and_installation_after_a_round_trip(string engine)
    {
        await using var host = await TestServerHost.StartAsync(engine);
        await using var connection = await host.Database.OpenConnectionAsync();
        var installationId = await connection.ExecuteScalarAsync<string>("SELECT installation_id FROM installation");

        var response = await host.Client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal("healthy", root.GetProperty("status").GetString());
        Assert.Equal(typeof(DermisServer).Assembly.GetName().Version!.ToString(3), root.GetProperty("version").GetString());
        var database = root.GetProperty("database");
        Assert.Equal(engine, database.GetProperty("engine").GetString());
        Assert.Equal(host.Test.Target.Display, database.GetProperty("target").GetString());
        Assert.Equal(MigrationCatalog.For(host.Test.Target.Kind).Count, database.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(installationId, database.GetProperty("installationId").GetString());
        Assert.True(database.GetProperty("roundTripMilliseconds").GetDouble() >= 0);
    }

    [Fact]
    public async Task Health_with_unreachable_database_is_503_problem_details_naming_the_database()
    {
        var target = DatabaseTarget.Parse("Host=127.0.0.1;Port=1;Database=trial;Username=dermis;Timeout=5", Path.GetTempPath());
        await using var database = DermisDatabase.Create(target);
        await using var app = DermisServer.Create(database, new ServerOptions(), builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        using var client = app.GetTestClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ProblemTypes.DatabaseUnavailable, problem.RootElement.GetProperty("type").GetString());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.StartsWith("Cannot connect to PostgreSQL at 127.0.0.1:1/trial: Connection refused.", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
