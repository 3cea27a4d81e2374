using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Health;

/// <summary><c>GET /health</c>: liveness with a real database round-trip, for load balancers and monitoring.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        // Anonymous on purpose: a load balancer probes it without credentials. It reveals no
        // participant data, only that the service and its database answer.
        routes.MapGet("/health", GetHealthAsync)
            .WithName("GetHealth")
            .WithTags("Health")
            .WithSummary("Service status, version and database, after a round-trip to the database.")
            .Produces<HealthReport>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AllowAnonymous();
        return routes;
    }

    private static async Task<IResult> GetHealthAsync(DermisDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            var health = await DatabaseHealth.ProbeAsync(database, time, cancellationToken);
            return TypedResults.Ok(new HealthReport("healthy", ProductInfo.Version, health));
        }
        catch (DatabaseConfigurationException e)
        {
            return TypedResults.Problem(
                title: "The database is unavailable",
                detail: e.Message,
                statusCode: StatusCodes.Status503ServiceUnavailable,
                type: ProblemTypes.DatabaseUnavailable);
        }
    }
}

/// <summary>Body of a healthy <c>GET /health</c>.</summary>
/// <param name="Status">Always <c>healthy</c> (an unhealthy service answers 503 ProblemDetails).</param>
/// <param name="Version">Dermis version.</param>
/// <param name="Database">The database round-trip.</param>
public sealed record HealthReport(string Status, string Version, DatabaseHealth Database);
