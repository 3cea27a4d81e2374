using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Server.Hosting;

/// <summary>
/// Throttling (ASVS V2.2.1, V11.1.4) with ASP.NET Core's rate limiter, in fixed one-minute windows:
/// sign-in per client address and user name (<see cref="SecurityOptions.SignInsPerMinute"/>: it bounds
/// password guessing across accounts and the PBKDF2 work a client can demand), and device ingest per
/// serial (<see cref="SecurityOptions.DeviceUploadsPerMinute"/>). Over the limit: 429 ProblemDetails
/// <see cref="ProblemTypes.RateLimited"/> with <c>Retry-After</c>. Other routes are not limited.
/// </summary>
internal static class RateLimits
{
    private const string UsernameItem = "dermis:sign-in-username";

    /// <summary>The longest request body read for the user name; a sign-in body is far smaller.</summary>
    private const int MaximumPeekBytes = 16 * 1024;

    public static IServiceCollection AddDermisRateLimits(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition, StringComparer.Ordinal);
        limiter.OnRejected = RejectAsync;
    });

    /// <summary>Reads the user name of a sign-in request (JSON or form body, left readable), then applies the limits.</summary>
    public static IApplicationBuilder UseDermisRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            if (IsSignIn(http.Request))
            {
                http.Items[UsernameItem] = await PeekUsernameAsync(http.Request);
            }

            await next(http);
        });
        return app.UseRateLimiter();
    }

    /// <summary>POST to a route that checks a password: the token and cookie API routes and the sign-in page.</summary>
    public static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/api/auth/token", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/api/auth/login", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase));

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var security = http.RequestServices.GetRequiredService<ServerOptions>().Security;
        if (http.Items.TryGetValue(UsernameItem, out var username))
        {
            var key = $"sign-in|{http.Connection.RemoteIpAddress}|{username}";
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => PerMinute(security.SignInsPerMinute));
        }

        if (http.Request.Path.StartsWithSegments("/api/devices", StringComparison.OrdinalIgnoreCase) && http.GetRouteValue("serial") is string serial)
        {
            return RateLimitPartition.GetFixedWindowLimiter("device|" + serial.ToUpperInvariant(), _ => PerMinute(security.DeviceUploadsPerMinute));
        }

        return RateLimitPartition.GetNoLimiter("");
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var what = http.Items.ContainsKey(UsernameItem) ? "sign-in attempts for this user name from this address" : "uploads from this device";
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = string.Create(CultureInfo.InvariantCulture, $"Too many {what}: try again in {seconds} seconds."),
                Type = ProblemTypes.RateLimited,
                Extensions = { ["retryAfterSeconds"] = seconds },
            },
        });
    }

    /// <summary>The user name of a JSON (<c>username</c>) or form (<c>Input.Username</c>, <c>username</c>) body, lower case; "" when absent or unreadable.</summary>
    private static async Task<string> PeekUsernameAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            // The form is parsed once and kept on the request, where the page reads it again.
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return Normalise(form["Input.Username"].FirstOrDefault() ?? form["username"].FirstOrDefault());
        }

        if (request.ContentLength is > MaximumPeekBytes)
        {
            return "";
        }

        request.EnableBuffering(MaximumPeekBytes);
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                // Bound as the endpoint binds it: property names in any case.
                foreach (var property in json.RootElement.EnumerateObject())
                {
                    if (property.NameEquals("username") || string.Equals(property.Name, "username", StringComparison.OrdinalIgnoreCase))
                    {
                        return property.Value.ValueKind == JsonValueKind.String ? Normalise(property.Value.GetString()) : "";
                    }
                }
            }

            return "";
        }
        catch (JsonException)
        {
            // The endpoint answers the malformed body itself; here it only decides the partition.
            return "";
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static string Normalise(string? username)
    {
        var name = (username ?? "").Trim().ToLowerInvariant();
        return name.Length > 200 ? name[..200] : name;
    }
}
