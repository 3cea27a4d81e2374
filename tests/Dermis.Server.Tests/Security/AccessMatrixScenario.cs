using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dermis.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Server.Tests.Security;

/// <summary>
/// The study the access matrix runs against: three enrolled participants (DE01-0001 randomised, with a
/// baseline EASI, an open query, an app account and paired devices; DE01-0002 with an app account and a
/// wristband; FR01-0001 at the other site), and one HTTP client per caller kind of the matrix.
/// </summary>
internal sealed class AccessMatrixScenario : IAsyncDisposable
{
    public const string Own = "DE01-0001";
    public const string Other = "DE01-0002";
    public const string OtherSite = "FR01-0001";
    public const string OwnWristband = "WB-0001";
    public const string OwnPatch = "SP-0001";
    public const string OtherWristband = "WB-0002";

    /// <summary>The caller kinds, in the matrix's column order.</summary>
    public static readonly string[] Callers = ["anon", "p.oth", "p.own", "c.de", "c.fr", "inv", "mon", "dm", "admin", "dev", "dev.o"];

    private static readonly Dictionary<string, string> Staff = new(StringComparer.Ordinal)
    {
        ["c.de"] = "coord.de", ["c.fr"] = "coord.fr", ["inv"] = "inv.de", ["mon"] = "mon", ["dm"] = "dm", ["admin"] = "admin",
    };

    private readonly Dictionary<string, string> _participantUsers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _deviceTokens = new(StringComparer.Ordinal);

    private AccessMatrixScenario(TrialFixture trial) => Trial = trial;

    public TrialFixture Trial { get; }

    public long VisitId { get; private set; }

    public long QueryId { get; private set; }

    /// <summary>A radio of DE01-0001 that the participant app's unpair route may remove.</summary>
    public long OwnRadioId { get; private set; }

    /// <summary>A second radio of DE01-0001 for the site's unpair route.</summary>
    public long SiteRadioId { get; private set; }

    public static async Task<AccessMatrixScenario> StartAsync(string engine)
    {
        var scenario = new AccessMatrixScenario(await TrialFixture.StartAsync(engine));
        try
        {
            await scenario.SeedAsync();
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }
    }

    private async Task SeedAsync()
    {
        var s = $"/api/studies/{Trial.Study}";
        Assert.Equal(Own, await Trial.EnrolAsync());
        Assert.Equal(Other, await Trial.EnrolAsync());
        Assert.Equal(OtherSite, await Trial.EnrolAsync("FR01", "coord.fr"));
        var (_, visit) = await Trial.PostAsync("coord.de", $"{s}/participants/{Own}/visits", new { visit = "baseline", date = "2026-09-01" });
        VisitId = visit.GetProperty("id").GetInt64();
        object Region() => new { erythema = 1, induration = 1, excoriation = 1, lichenification = 1, area = 1 };
        var (_, form) = await Trial.PutAsync("coord.de", $"{s}/participants/{Own}/visits/{VisitId}/forms/easi",
            new { data = new { ageYears = 40, regions = new { head = Region(), upperLimbs = Region(), trunk = Region(), lowerLimbs = Region() } } });
        QueryId = form.GetProperty("queries")[0].GetProperty("id").GetInt64();
        var (randomised, allocation) = await Trial.PostAsync("coord.de", $"{s}/participants/{Own}/randomise", new { strata = new Dictionary<string, string> { ["region"] = "EU" } });
        Assert.True(randomised == HttpStatusCode.OK, allocation.ToString());

        _participantUsers["p.own"] = await JoinAsync(Own, "482915");
        _participantUsers["p.oth"] = await JoinAsync(Other, "593017");
        _deviceTokens[OwnWristband] = await PairAsync("p.own", OwnWristband, "wristband");
        _deviceTokens[OwnPatch] = await PairAsync("p.own", OwnPatch, "sweatPatch");
        _deviceTokens[OtherWristband] = await PairAsync("p.oth", OtherWristband, "wristband");
        OwnRadioId = await PairIdAsync("p.own", "RD-0001");
        SiteRadioId = await PairIdAsync("p.own", "RD-0002");
    }

    private async Task<string> JoinAsync(string participant, string pin)
    {
        var (status, invitation) = await Trial.PostAsync("coord.de", $"/api/studies/{Trial.Study}/participants/{participant}/invitation", new { timeZone = "Europe/Berlin" });
        Assert.True(status == HttpStatusCode.Created, invitation.ToString());
        var token = invitation.GetProperty("link").GetString()!["/p/join/".Length..];
        using var anonymous = Trial.Host.App.GetTestClient();
        using var activated = await anonymous.PostAsJsonAsync("/api/participant-app/activate", new { token, pin });
        Assert.Equal(HttpStatusCode.Created, activated.StatusCode);
        var username = (await activated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("username").GetString()!;
        using var signIn = await anonymous.PostAsJsonAsync("/api/auth/token", new { username, password = pin });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var client = Trial.Host.App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        _clients[participant == Own ? "p.own" : "p.oth"] = client;
        _pins[username] = pin;
        return username;
    }

    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pins = new(StringComparer.Ordinal);

    private async Task<string> PairAsync(string caller, string serial, string kind)
    {
        using var response = await _clients[caller].PostAsJsonAsync("/api/me/devices", new { serial, kind });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("token").GetString()!;
    }

    private async Task<long> PairIdAsync(string caller, string serial)
    {
        using var response = await _clients[caller].PostAsJsonAsync("/api/me/devices", new { serial, kind = "radio" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>Every route of the running application as "METHOD /pattern".</summary>
    public IReadOnlyList<string> Routes() =>
        Trial.Host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Sends the route's request as <paramref name="caller"/>: GET without a body, anything else with
    /// the JSON body <c>{}</c> (sign-in routes: the caller's user name and no password), so that a write
    /// the caller may make stops at validation and changes nothing. Returns status and body text.
    /// </summary>
    public async Task<(HttpStatusCode Status, string Text)> SendAsync(string caller, string route, bool freshSession = false)
    {
        var (method, path) = Fill(route);
        using var message = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            var (body, mediaType) = Body(route, caller);
            message.Content = new StringContent(body, Encoding.UTF8, mediaType);
        }

        var client = await ClientAsync(caller, route, freshSession);
        using var response = await client.SendAsync(message);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The body of a write: <c>{}</c>, except where the route needs more to reach its access check
    /// without changing anything (a protocol as YAML, an action that cannot apply, a lock state that
    /// is already so) and for sign-in (the caller's name, no password: one rate-limit bucket each).
    /// </summary>
    private static (string Body, string MediaType) Body(string route, string caller) => route switch
    {
        "POST /api/auth/token" or "POST /api/auth/login" or "POST /login" => (JsonSerializer.Serialize(new { username = caller }), "application/json"),
        // The protocol is parsed before the role check: a valid one reaches it (the study exists: 409; amendment 1 for the admin: 200).
        "POST /api/studies" => (TestProtocols.AtopicDermatitis, "application/yaml"),
        "POST /api/studies/{studyId}/protocol" => (TestProtocols.AtopicDermatitisAmendment1, "application/yaml"),
        _ when route.EndsWith("/actions", StringComparison.Ordinal) => (JsonSerializer.Serialize(new { action = "sourceVerify", rowVersion = 999 }), "application/json"),
        "POST /api/studies/{studyId}/locks" => (JsonSerializer.Serialize(new { level = "participant", target = Own, state = "open" }), "application/json"),
        _ => ("{}", "application/json"),
    };

    private async Task<HttpClient> ClientAsync(string caller, string route, bool freshSession)
    {
        if (caller is "dev" or "dev.o")
        {
            var client = Trial.Host.App.GetTestClient();
            // The own device writes under its own serial; the other is DE01-0002's wristband.
            var serial = caller == "dev.o" ? OtherWristband : route.EndsWith("/readings", StringComparison.Ordinal) ? OwnPatch : OwnWristband;
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Device " + _deviceTokens[serial]);
            return _disposables.Add(client);
        }

        if (caller == "anon")
        {
            return _disposables.Add(Trial.Host.App.GetTestClient());
        }

        if (!freshSession)
        {
            return Staff.TryGetValue(caller, out var user) ? await Trial.ClientAsync(user) : _clients[caller];
        }

        // Sign-out routes get a session of their own, so that they end only that one.
        var username = Staff.TryGetValue(caller, out var staff) ? staff : _participantUsers[caller];
        var password = Staff.ContainsKey(caller) ? TestServerHost.Password : _pins[username];
        using var anonymous = Trial.Host.App.GetTestClient();
        using var signIn = await anonymous.PostAsJsonAsync("/api/auth/token", new { username, password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var fresh = Trial.Host.App.GetTestClient();
        fresh.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        return _disposables.Add(fresh);
    }

    private readonly Disposables _disposables = new();

    private (string Method, string Path) Fill(string route)
    {
        var parts = route.Split(' ', 2);
        var serial = route.EndsWith("/readings", StringComparison.Ordinal) ? OwnPatch : OwnWristband;
        var device = route.StartsWith("DELETE /api/me/", StringComparison.Ordinal) ? OwnRadioId : SiteRadioId;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["studyId"] = Trial.Study, ["siteId"] = "DE01", ["participant"] = Own, ["ScreeningNumber"] = Own,
            ["visitId:long"] = Text(VisitId), ["VisitKey:long"] = Text(VisitId), ["formId"] = "easi", ["queryId:long"] = Text(QueryId),
            ["documentName"] = "v1", ["instrument"] = "easi", ["serial"] = serial, ["econsentId:long"] = "1", ["deviceId:long"] = Text(device),
            ["diaryId"] = "itch", ["date"] = "2026-09-02", ["NightDate"] = "2026-09-02", ["lot"] = "L1", ["cytokine"] = "IL-6",
            ["Token"] = "no-such-invitation", ["file"] = "site.css",
        };
        var path = System.Text.RegularExpressions.Regex.Replace(parts[1], "\\{([^}]+)\\}", m =>
            values.TryGetValue(m.Groups[1].Value, out var value) ? value : throw new InvalidOperationException($"No value for {m.Value} in {route}: add it to AccessMatrixScenario.Fill."));
        return (parts[0], path.Length == 0 ? "/" : path);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _disposables.Dispose();
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Trial.DisposeAsync();
    }

    private sealed class Disposables : IDisposable
    {
        private readonly List<IDisposable> _items = [];

        public T Add<T>(T item)
            where T : IDisposable
        {
            _items.Add(item);
            return item;
        }

        public void Dispose() => _items.ForEach(i => i.Dispose());
    }
}
