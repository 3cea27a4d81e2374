using System.Net;
using System.Text.Json;
using Dermis.Testing;

namespace Dermis.Server.Tests;

public sealed class ServerConventionTests
{
    [Fact]
    public async Task Unknown_route_is_401_for_anonymous_callers_so_routes_are_not_revealed()
    {
        await using var host = await TestServerHost.StartAsync(TestDatabase.Sqlite);

        var response = await host.Client.GetAsync(new Uri("/api/no/such/route", UriKind.Relative));
        var page = await host.Client.GetAsync(new Uri("/no/such/page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // Outside the API every unknown path, like every page, sends a signed-out browser to sign in.
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fno%2Fsuch%2Fpage", page.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Unknown_route_is_404_problem_details_for_a_signed_in_caller()
    {
        await using var host = await TestServerHost.StartAsync(TestDatabase.Sqlite);
        await host.SignInAsync(await host.CreateAccountAsync("reader", admin: false));

        var response = await host.Client.GetAsync(new Uri("/no/such/route", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Not Found", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api_and_its_health_route()
    {
        await using var host = await TestServerHost.StartAsync(TestDatabase.Sqlite);

        var response = await host.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Dermis API", root.GetProperty("info").GetProperty("title").GetString());
        var health = root.GetProperty("paths").GetProperty("/health").GetProperty("get");
        Assert.Equal("GetHealth", health.GetProperty("operationId").GetString());
        Assert.True(health.GetProperty("responses").TryGetProperty("503", out _));
    }
}
