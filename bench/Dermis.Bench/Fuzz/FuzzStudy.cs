using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dermis.Server.Auth;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Dermis.Trials.Audit;

namespace Dermis.Bench.Fuzz;

/// <summary>
/// The study the server fuzzers attack, set up through the API as a site would: samples/ad-phase3.yaml,
/// sites DE01 and FR01, staff with every role, an enrolled participant with a visit and a saved form, a
/// paired wristband and sweat patch, the participant's app account, and an ODM file exported from it.
/// </summary>
internal sealed class FuzzStudy
{
    public const string Password = "correct horse battery";
    public const string Pin = "482916";

    private readonly Func<HttpClient> _newClient;

    private FuzzStudy(Func<HttpClient> newClient) => _newClient = newClient;

    public string Study { get; private set; } = "";

    public string Participant { get; private set; } = "";

    public long VisitId { get; private set; }

    public long DeviceId { get; private set; }

    public string ParticipantUser { get; private set; } = "";

    public (string Serial, string Token) Wristband { get; private set; }

    public (string Serial, string Token) Patch { get; private set; }

    /// <summary>A Snapshot ODM file of the participant, with <c>{SUBJECT}</c> where its screening number was.</summary>
    public string OdmTemplate { get; private set; } = "";

    /// <summary>Signed-in clients by user name (admin, dm, mon, inv.de, coord.de, coord.fr and the participant).</summary>
    public Dictionary<string, HttpClient> Clients { get; } = [];

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>Creates the study on the server behind <paramref name="newClient"/> over <paramref name="database"/>.</summary>
    public static async Task<FuzzStudy> SetUpAsync(DermisDatabase database, Func<HttpClient> newClient)
    {
        var now = DateTimeOffset.UtcNow;
        await using (var store = await TrialStore.BeginAsync(database, write: true))
        {
            await store.CreateAccountAsync("admin", "Fuzz Admin", Passwords.Hash(Password), true, now);
            await store.CommitAsync("admin", null, AuditSource.System, now);
        }

        var study = new FuzzStudy(newClient) { Anonymous = newClient() };
        await study.BuildAsync();
        return study;
    }

    private async Task BuildAsync()
    {
        var admin = await SignInAsync("admin", Password);
        using (var yaml = new StringContent(await File.ReadAllTextAsync(RepositoryFiles.PathOf("samples", "ad-phase3.yaml")), Encoding.UTF8, "application/yaml"))
        {
            Study = (await ExpectAsync(admin.PostAsync(new Uri("/api/studies", UriKind.Relative), yaml))).GetProperty("id").GetString()!;
        }

        var s = $"/api/studies/{Study}";
        await ExpectAsync(admin.PostAsJsonAsync($"{s}/sites", new { id = "DE01", name = "Charité", country = "DE", investigator = "Dr. Weber", capacity = 40 }));
        await ExpectAsync(admin.PostAsJsonAsync($"{s}/sites", new { id = "FR01", name = "Saint-Louis", country = "FR", investigator = "Dr. Martin", capacity = 30 }));
        foreach (var (user, role, site) in new[] { ("dm", "dataManager", (string?)null), ("mon", "monitor", "DE01"), ("inv.de", "investigator", "DE01"), ("coord.de", "coordinator", "DE01"), ("coord.fr", "coordinator", "FR01") })
        {
            await ExpectAsync(admin.PostAsJsonAsync($"{s}/staff", new { username = user, displayName = user, password = Password, roles = new[] { new { role, site } } }));
            await SignInAsync(user, Password);
        }

        var coord = Clients["coord.de"];
        Participant = (await ExpectAsync(coord.PostAsJsonAsync($"{s}/sites/DE01/participants", new { }))).GetProperty("screeningNumber").GetString()!;
        var p = $"{s}/participants/{Participant}";
        await ExpectAsync(coord.PostAsJsonAsync($"{p}/consent", new { documentVersion = "2.0", signedOn = "2026-03-20", method = "onSite" }));
        var answers = Enumerable.Range(1, 8).SelectMany(i => new[] { ($"IC{i}", true), ($"EC{i}", false) }).ToDictionary(a => a.Item1, a => a.Item2);
        await ExpectAsync(coord.PutAsJsonAsync($"{p}/eligibility", new { answers }));
        await ExpectAsync(coord.PostAsJsonAsync($"{p}/status", new { action = "enrol" }));
        VisitId = (await ExpectAsync(coord.PostAsJsonAsync($"{p}/visits", new { visit = "screening", date = "2026-03-21" }))).GetProperty("id").GetInt64();
        await ExpectAsync(coord.PutAsJsonAsync($"{p}/visits/{VisitId}/forms/vitals", new { data = new { weight = 71.5, height = 172, systolic = 120, diastolic = 80, pulse = 64, temperature = 36.6 } }));

        var wristband = await ExpectAsync(coord.PostAsJsonAsync($"{p}/devices", new { serial = "WB-F001", kind = "wristband" }));
        Wristband = ("WB-F001", wristband.GetProperty("token").GetString()!);
        DeviceId = wristband.GetProperty("id").GetInt64();
        Patch = ("SP-F001", (await ExpectAsync(coord.PostAsJsonAsync($"{p}/devices", new { serial = "SP-F001", kind = "sweatPatch" }))).GetProperty("token").GetString()!);

        var link = (await ExpectAsync(coord.PostAsJsonAsync($"{p}/invitation", new { timeZone = "Europe/Berlin" }))).GetProperty("link").GetString()!;
        var activated = await ExpectAsync(Anonymous.PostAsJsonAsync("/api/participant-app/activate", new { token = link[(link.LastIndexOf('/') + 1)..], pin = Pin }));
        ParticipantUser = activated.GetProperty("username").GetString()!;
        await SignInAsync(ParticipantUser, Pin);

        using var odm = await Clients["dm"].GetAsync(new Uri($"{s}/export/odm", UriKind.Relative));
        var text = await odm.Content.ReadAsStringAsync();
        if (!odm.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"ODM export for the fuzz seed: {(int)odm.StatusCode} {text}");
        }

        OdmTemplate = text.Replace($"SubjectKey=\"{Participant}\"", "SubjectKey=\"{SUBJECT}\"", StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignInAsync(string username, string password)
    {
        var token = (await ExpectAsync(Anonymous.PostAsJsonAsync("/api/auth/token", new { username, password }))).GetProperty("token").GetString()!;
        var client = _newClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Clients[username] = client;
        return client;
    }

    private static async Task<JsonElement> ExpectAsync(Task<HttpResponseMessage> send)
    {
        using var response = await send;
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Fuzz study set-up: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
