using System.Globalization;
using Dermis.Server.Hosting;

namespace Dermis.Server.Tests.Security;

/// <summary>Rate limits on sign-in (per address and user name) and device ingest (per serial): 429 with Retry-After.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Sign_in_over_the_limit_gets_429_with_retry_after_per_user_name()
    {
        await using var host = await SecurityHost.StartAsync(new SecurityOptions { SignInsPerMinute = 3, FailedSignInsBeforeLock = 100 });
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await host.PostAsync("/api/auth/token", new { username = "Someone", password = "wrong password" })).Status);
        }

        Assert.Equal([401, 401, 401, 429], statuses);
        var (status, response, body) = await host.PostAsync("/api/auth/login", new { username = " someone ", password = "wrong password" });
        Assert.Equal(429, status);
        Assert.Equal("urn:dermis:problem:rate-limited", body.GetProperty("type").GetString());
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal($"Too many sign-in attempts for this user name from this address: try again in {retryAfter} seconds.", body.GetProperty("detail").GetString());

        // Another user name has its own allowance.
        await host.TokenAsync();
    }

    [Fact]
    public async Task Device_ingest_over_the_limit_gets_429_per_serial()
    {
        await using var host = await SecurityHost.StartAsync(new SecurityOptions { DeviceUploadsPerMinute = 2 });
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await host.PostAsync("/api/devices/WB-7/samples", new { })).Status);
        }

        statuses.Add((await host.PostAsync("/api/devices/wb-7/readings", new { })).Status);
        statuses.Add((await host.PostAsync("/api/devices/WB-8/samples", new { })).Status);
        Assert.Equal([401, 401, 429, 429, 401], statuses);
    }
}
