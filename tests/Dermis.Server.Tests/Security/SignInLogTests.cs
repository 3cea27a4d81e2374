using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dermis.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Dermis.Server.Tests.Security;

/// <summary>The sign-in log (ASVS V7.2.1): every attempt, web and API, staff and participants, read by the sponsor administrator.</summary>
public sealed class SignInLogTests
{
    public static TheoryData<string> Engines => TestDatabase.Engines;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Every_attempt_is_logged_with_outcome_reason_and_channel(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);
        using var anonymous = trial.Host.App.GetTestClient();
        async Task<HttpStatusCode> Attempt(string route, string username, string password)
        {
            using var response = await anonymous.PostAsJsonAsync(route, new { username, password });
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await Attempt("/api/auth/token", "coord.de", "not the password"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Attempt("/api/auth/token", "nobody", "not the password"));
        Assert.Equal(HttpStatusCode.NoContent, await Attempt("/api/auth/login", "coord.de", TestServerHost.Password));

        var (status, log) = await trial.GetAsync("admin", $"/api/studies/{trial.Study}/sign-ins");
        Assert.Equal(HttpStatusCode.OK, status);
        // The fixture's own sign-in of admin comes first; the unknown user name only an installation administrator sees.
        Assert.Equal(
            ["admin api succeeded - True", "coord.de api failed wrongPassword True", "nobody api failed unknownUser False", "coord.de web succeeded - True"],
            log.EnumerateArray().Select(Line));

        // The data manager is not a sponsor administrator.
        Assert.Equal(HttpStatusCode.Forbidden, (await trial.GetAsync("dm", $"/api/studies/{trial.Study}/sign-ins")).Status);
        var (_, since) = await trial.GetAsync("admin", $"/api/studies/{trial.Study}/sign-ins?from=2999-01-01T00:00:00Z");
        Assert.Equal(0, since.GetArrayLength());
    }

    private static string Line(JsonElement row) =>
        $"{row.GetProperty("username").GetString()} {row.GetProperty("channel").GetString()} {row.GetProperty("outcome").GetString()} {row.GetProperty("reason").GetString() ?? "-"} {row.GetProperty("knownAccount").GetBoolean()}";
}
