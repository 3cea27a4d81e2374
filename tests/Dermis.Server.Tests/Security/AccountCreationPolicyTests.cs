using System.Net;
using Dermis.Testing;

namespace Dermis.Server.Tests.Security;

/// <summary>The password rule where accounts are made through the API: staff (sponsor administrator) and participant accounts (site).</summary>
public sealed class AccountCreationPolicyTests
{
    [Theory]
    [InlineData("new.monitor", "tooshort", "must have at least 12 characters; it has 8")]
    [InlineData("new.monitor", "new.monitor-2026", "must not contain the user name")]
    [InlineData("new.monitor", "Welcome2026!!", "is one of the most commonly used passwords (or one with digits or symbols added); choose another")]
    public async Task Staff_account_with_a_weak_password_is_refused_naming_the_rule(string username, string password, string rule)
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var (status, body) = await trial.PostAsync("admin", $"/api/studies/{trial.Study}/staff",
            new { username, displayName = "New Monitor", password, roles = new[] { new { role = "monitor", site = "DE01" } } });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("urn:dermis:problem:invalid-input", body.GetProperty("type").GetString());
        Assert.Equal(rule, body.GetProperty("errors").GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task Participant_account_with_a_weak_password_is_refused_and_a_good_one_is_made()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var p = await trial.EnrolAsync();
        var (status, body) = await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/account", new { username = "anna.s", password = "password1234" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("is one of the most commonly used passwords (or one with digits or symbols added); choose another", body.GetProperty("errors").GetProperty("password")[0].GetString());
        (status, _) = await trial.PostAsync("coord.de", $"/api/studies/{trial.Study}/participants/{p}/account", new { username = "anna.s", password = "amber fjord pelican" });
        Assert.Equal(HttpStatusCode.Created, status);
    }
}
