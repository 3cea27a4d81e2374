using Dermis.Server.Hosting;

namespace Dermis.Server.Tests.Security;

/// <summary>Account lockout (ASVS V2.2.1) with configured settings, over the token and the cookie routes together.</summary>
public sealed class LockoutTests
{
    [Fact]
    public async Task Lockout_after_configured_failures_across_token_and_cookie_sign_in_says_when_to_retry()
    {
        await using var host = await SecurityHost.StartAsync(new SecurityOptions { FailedSignInsBeforeLock = 3, LockoutDuration = TimeSpan.FromMinutes(10) });
        object Wrong() => new { username = SecurityHost.User, password = "not the password" };

        // Two failures, then a success: the count starts again.
        Assert.Equal(401, (await host.PostAsync("/api/auth/token", Wrong())).Status);
        Assert.Equal(401, (await host.PostAsync("/api/auth/login", Wrong())).Status);
        await host.TokenAsync();

        // Three failures in a row (token, cookie, token): the third locks, for 10 minutes from 09:00.
        var first = await host.PostAsync("/api/auth/token", Wrong());
        Assert.Equal("urn:dermis:problem:unauthenticated", first.Body.GetProperty("type").GetString());
        Assert.Equal(401, (await host.PostAsync("/api/auth/login", Wrong())).Status);
        var (status, response, body) = await host.PostAsync("/api/auth/token", Wrong());
        Assert.Equal(401, status);
        Assert.Equal("urn:dermis:problem:account-locked", body.GetProperty("type").GetString());
        Assert.Equal("Too many failed sign-ins: the account is locked until 09:10 UTC (3 wrong attempts lock it for 10 minutes).", body.GetProperty("detail").GetString());
        Assert.Equal("600", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(new DateTimeOffset(2026, 5, 4, 9, 10, 0, TimeSpan.Zero), body.GetProperty("retryAt").GetDateTimeOffset());

        // The right password is refused while locked, on both routes; 4 minutes later 360 s remain.
        host.Clock.Advance(TimeSpan.FromMinutes(4));
        (status, response, body) = await host.PostAsync("/api/auth/login", new { username = SecurityHost.User, password = SecurityHost.Password });
        Assert.Equal(401, status);
        Assert.Equal("urn:dermis:problem:account-locked", body.GetProperty("type").GetString());
        Assert.Equal("360", response.Headers.GetValues("Retry-After").Single());

        host.Clock.Advance(TimeSpan.FromMinutes(6));
        await host.TokenAsync();
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_answer()
    {
        await using var host = await SecurityHost.StartAsync(new SecurityOptions());
        var unknown = await host.PostAsync("/api/auth/token", new { username = "no.such.user", password = "whatever-password" });
        var wrong = await host.PostAsync("/api/auth/token", new { username = SecurityHost.User, password = "whatever-password" });
        Assert.Equal(401, unknown.Status);
        Assert.Equal(unknown.Status, wrong.Status);
        foreach (var field in new[] { "type", "title", "detail", "status" })
        {
            Assert.Equal(unknown.Body.GetProperty(field).GetRawText(), wrong.Body.GetProperty(field).GetRawText());
        }

        Assert.Equal("The user name or password is wrong.", wrong.Body.GetProperty("detail").GetString());
        Assert.False(unknown.Response.Headers.Contains("Retry-After"));
    }

    [Theory]
    [InlineData(0, "FailedSignInsBeforeLock is 0; allowed 1 to 100.")]
    [InlineData(101, "FailedSignInsBeforeLock is 101; allowed 1 to 100.")]
    public void Security_options_out_of_range_name_the_setting_and_range(int failures, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new SecurityOptions { FailedSignInsBeforeLock = failures }.Validate());
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("FailedSignInsBeforeLock", error.ParamName);
    }

    [Fact]
    public void Absolute_session_lifetime_shorter_than_the_idle_timeout_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new SecurityOptions { SessionIdleTimeout = TimeSpan.FromHours(2), SessionAbsoluteLifetime = TimeSpan.FromHours(1) }.Validate());
        Assert.StartsWith("SessionAbsoluteLifetime is 01:00:00; allowed 02:00:00 to 7.00:00:00.", error.Message, StringComparison.Ordinal);
    }
}
