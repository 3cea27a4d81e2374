using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Dermis.Testing;

/// <summary>
/// A study on a test server with two sites (DE01, FR01) and staff with every role:
/// admin (installation admin, sponsor admin), dm (data manager), mon (monitor at DE01),
/// inv.de (investigator at DE01), coord.de (coordinator at DE01), coord.fr (coordinator at FR01).
/// </summary>
public sealed class TrialFixture : IAsyncDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    private TrialFixture(TestServerHost host) => Host = host;

    public TestServerHost Host { get; }

#pragma warning disable CA1822 // an instance member reads naturally in tests: trial.Study
    public string Study => TestProtocols.StudyId;
#pragma warning restore CA1822

    /// <param name="engine">TestDatabase.Sqlite or TestDatabase.PostgreSql.</param>
    /// <param name="time">The server's clock (e.g. a <see cref="ManualClock"/>); the system clock when null.</param>
    public static async Task<TrialFixture> StartAsync(string engine, TimeProvider? time = null)
    {
        var fixture = new TrialFixture(await TestServerHost.StartAsync(engine, time));
        await fixture.Host.CreateAccountAsync("admin", admin: true, "Ada Admin");
        var admin = await fixture.ClientAsync("admin");
        await Expect(HttpStatusCode.Created, admin.PostAsync("/api/studies", new StringContent(TestProtocols.AtopicDermatitis, Encoding.UTF8, "application/yaml")));
        await Expect(HttpStatusCode.Created, admin.PostAsJsonAsync($"/api/studies/{TestProtocols.StudyId}/sites",
            new { id = "DE01", name = "Charité Dermatology", country = "DE", investigator = "Dr. Ines Weber", capacity = 40, activationDate = "2026-10-01" }));
        await Expect(HttpStatusCode.Created, admin.PostAsJsonAsync($"/api/studies/{TestProtocols.StudyId}/sites",
            new { id = "FR01", name = "Hôpital Saint-Louis", country = "FR", investigator = "Dr. Paul Martin", capacity = 30 }));
        await fixture.StaffAsync("dm", "Dana Manager", "dataManager", null);
        await fixture.StaffAsync("mon", "Mona Monitor", "monitor", "DE01");
        await fixture.StaffAsync("inv.de", "Dr. Ines Weber", "investigator", "DE01");
        await fixture.StaffAsync("coord.de", "Carl Coordinator", "coordinator", "DE01");
        await fixture.StaffAsync("coord.fr", "Claire Coordinatrice", "coordinator", "FR01");
        return fixture;
    }

    public async Task<HttpClient> ClientAsync(string username)
    {
        if (!_clients.TryGetValue(username, out var client))
        {
            client = await Host.ClientForAsync(username);
            _clients[username] = client;
        }

        return client;
    }

    public async Task StaffAsync(string username, string displayName, string role, string? site)
    {
        var admin = await ClientAsync("admin");
        await Expect(HttpStatusCode.Created, admin.PostAsJsonAsync($"/api/studies/{Study}/staff",
            new { username, displayName, password = TestServerHost.Password, roles = new[] { new { role, site } } }));
    }

    /// <summary>Sends a request (a string body goes as YAML, anything else as JSON) and returns status and JSON body (default when empty).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(string user, HttpMethod method, string path, object? body = null)
    {
        var client = await ClientAsync(user);
        using var message = new HttpRequestMessage(method, path);
        if (body is string yaml)
        {
            message.Content = new StringContent(yaml, Encoding.UTF8, "application/yaml");
        }
        else if (body is not null)
        {
            message.Content = JsonContent.Create(body);
        }

        using var response = await client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string user, string path, object body) => SendAsync(user, HttpMethod.Post, path, body);

    public Task<(HttpStatusCode Status, JsonElement Body)> PutAsync(string user, string path, object body) => SendAsync(user, HttpMethod.Put, path, body);

    public Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string user, string path) => SendAsync(user, HttpMethod.Get, path);

    /// <summary>Screens a participant at DE01 through consent, eligibility and enrolment; returns the screening number.</summary>
    public async Task<string> EnrolAsync(string site = "DE01", string coordinator = "coord.de")
    {
        var (_, screened) = await PostAsync(coordinator, $"/api/studies/{Study}/sites/{site}/participants", new { });
        var number = screened.GetProperty("screeningNumber").GetString()!;
        await PostAsync(coordinator, $"/api/studies/{Study}/participants/{number}/consent", new { documentVersion = "2.0", signedOn = "2026-08-20", method = "onSite" });
        await PutAsync(coordinator, $"/api/studies/{Study}/participants/{number}/eligibility", new { answers = new Dictionary<string, bool> { ["IC1"] = true, ["IC2"] = true, ["EC1"] = false } });
        var (status, _) = await PostAsync(coordinator, $"/api/studies/{Study}/participants/{number}/status", new { action = "enrol" });
        Assert.Equal(HttpStatusCode.OK, status);
        return number;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Host.DisposeAsync();
    }

    private static async Task Expect(HttpStatusCode expected, Task<HttpResponseMessage> send)
    {
        using var response = await send;
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
