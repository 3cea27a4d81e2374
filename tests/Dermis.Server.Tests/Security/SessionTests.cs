using Dermis.Server.Hosting;

namespace Dermis.Server.Tests.Security;

/// <summary>Session expiry (ASVS V3.3.1, V3.3.2), sign-out everywhere and password change (V3.3.3), on a manual clock.</summary>
public sealed class SessionTests
{
    private static readonly SecurityOptions Short = new()
    {
        SessionIdleTimeout = TimeSpan.FromMinutes(30),
        SessionAbsoluteLifetime = TimeSpan.FromHours(2),
        TokenLifetime = TimeSpan.FromHours(1),
    };

    [Fact]
    public async Task Cookie_lapses_after_30_idle_minutes_and_2_hours_after_sign_in_however_active()
    {
        await using var host = await SecurityHost.StartAsync(Short);
        var cookie = await host.CookieAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(200, (await host.GetAsync("/api/auth/me", cookie: cookie)).Status);
        host.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(401, (await host.GetAsync("/api/auth/me", cookie: cookie)).Status);

        // Active every 20 minutes (the cookie slides: keep the renewed one): still signed in at 1 h 40 min, out at 2 h 0 min.
        cookie = await host.CookieAsync();
        var statuses = new List<int>();
        for (var minutes = 20; minutes <= 120; minutes += 20)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(20));
            var (status, response) = await host.GetAsync("/api/auth/me", cookie: cookie);
            cookie = SecurityHost.CookieOf(response) is { } renewed && renewed != "dermis=" ? renewed : cookie;
            statuses.Add(status);
        }

        Assert.Equal([200, 200, 200, 200, 200, 401], statuses);
    }

    [Fact]
    public async Task Bearer_token_expires_after_its_lifetime()
    {
        await using var host = await SecurityHost.StartAsync(Short);
        var (_, _, issued) = await host.PostAsync("/api/auth/token", new { username = SecurityHost.User, password = SecurityHost.Password });
        Assert.Equal(new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero), issued.GetProperty("expiresAt").GetDateTimeOffset());
        var token = issued.GetProperty("token").GetString()!;
        host.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(200, (await host.GetAsync("/api/auth/me", bearer: token)).Status);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(401, (await host.GetAsync("/api/auth/me", bearer: token)).Status);
    }

    [Fact]
    public async Task Logout_everywhere_ends_every_cookie_and_token_of_the_account()
    {
        await using var host = await SecurityHost.StartAsync(Short);
        var cookie = await host.CookieAsync();
        var first = await host.TokenAsync();
        var second = await host.TokenAsync();
        Assert.Equal(200, (await host.GetAsync("/api/auth/me", cookie: cookie)).Status);
        Assert.Equal(200, (await host.GetAsync("/api/auth/me", bearer: first)).Status);

        Assert.Equal(204, (await host.PostAsync("/api/auth/logout-everywhere", new { }, bearer: second)).Status);
        Assert.Equal(401, (await host.GetAsync("/api/auth/me", cookie: cookie)).Status);
        Assert.Equal(401, (await host.GetAsync("/api/auth/me", bearer: first)).Status);
        Assert.Equal(401, (await host.GetAsync("/api/auth/me", bearer: second)).Status);

        // A new sign-in works at once.
        Assert.Equal(200, (await host.GetAsync("/api/auth/me", cookie: await host.CookieAsync())).Status);
    }

    [Fact]
    public async Task Logout_with_a_token_revokes_only_that_token()
    {
        await using var host = await SecurityHost.StartAsync(Short);
        var first = await host.TokenAsync();
        var second = await host.TokenAsync();
        Assert.Equal(204, (await host.PostAsync("/api/auth/logout", new { }, bearer: first)).Status);
        Assert.Equal(401, (await host.GetAsync("/api/auth/me", bearer: first)).Status);
        Assert.Equal(200, (await host.GetAsync("/api/auth/me", bearer: second)).Status);
    }

    [Fact]
    public async Task Password_change_checks_the_policy_and_ends_every_session()
    {
        await using var host = await SecurityHost.StartAsync(Short);
        var token = await host.TokenAsync();
        var (status, _, body) = await host.PostAsync("/api/auth/password", new { currentPassword = SecurityHost.Password, newPassword = "short" }, bearer: token);
        Assert.Equal(400, status);
        Assert.Equal("urn:dermis:problem:invalid-input", body.GetProperty("type").GetString());
        Assert.Equal("must have at least 12 characters; it has 5", body.GetProperty("errors").GetProperty("newPassword")[0].GetString());

        (status, _, body) = await host.PostAsync("/api/auth/password", new { currentPassword = "not my password", newPassword = "violet meadow lantern" }, bearer: token);
        Assert.Equal(400, status);
        Assert.Equal("is not your current password", body.GetProperty("errors").GetProperty("currentPassword")[0].GetString());

        Assert.Equal(204, (await host.PostAsync("/api/auth/password", new { currentPassword = SecurityHost.Password, newPassword = "violet meadow lantern" }, bearer: token)).Status);
        Assert.Equal(401, (await host.GetAsync("/api/auth/me", bearer: token)).Status);
        Assert.Equal(401, (await host.PostAsync("/api/auth/token", new { username = SecurityHost.User, password = SecurityHost.Password })).Status);
        await host.TokenAsync(password: "violet meadow lantern");
    }
}
