using System.Text;
using System.Text.RegularExpressions;

namespace Dermis.Bench.Fuzz;

/// <summary>
/// Builds the hostile requests of the server targets: any route of the application with mutated path
/// values, query, body, content type and sender (api); device batches, binary, CSV and sweat readings
/// (device); ODM Snapshot files for import (odm).
/// </summary>
internal sealed partial class ApiRequests(FuzzStudy study, IReadOnlyList<string> routes, Mutator mutator)
{
    private static readonly string[] s_contentTypes =
        ["application/json", "text/plain", "application/xml", "text/csv", "application/yaml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
         "application/json; charset=utf-16", "application/json; charset=bogus", "application/vnd.dermis.samples", "", ";;;", "application/problem+json", "*/*"];

    // Logging out ends the caller's session; the fuzzer's own sign-ins must survive every case.
    private readonly string[] _routes = [.. routes.Where(r => !r.Contains("logout", StringComparison.Ordinal))];

    private Random Random => mutator.Random;

    /// <summary>A request on a random route of the application.</summary>
    public FuzzRequest Next()
    {
        var route = _routes[Random.Next(_routes.Length)];
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        var method = new HttpMethod(route[..space]);
        var path = Parameter().Replace(route[(space + 1)..], m =>
            ApiSeeds.Escape(Random.Next(8) == 0 ? Hostile(3000) : ApiSeeds.ParameterValue(m.Groups[1].Value, study)));
        if (path.Length == 0)
        {
            path = "/";
        }

        if (Random.Next(4) == 0)
        {
            path += ApiSeeds.Query(Random);
        }

        byte[]? body = null;
        string? type = null;
        if (ApiSeeds.BodyFor(route, study) is var (seed, seedType))
        {
            type = Random.Next(10) == 0 ? s_contentTypes[Random.Next(s_contentTypes.Length)] : seedType;
            body = Random.Next(12) == 0 ? Encoding.UTF8.GetBytes(seed) : seedType == "application/json" ? JsonMutator.Mutate(mutator, seed) : mutator.MutateText(seed);
        }
        else if (method != HttpMethod.Get && Random.Next(2) == 0)
        {
            body = JsonMutator.Mutate(mutator, "{\"value\": 1, \"items\": [\"a\"]}");
            type = s_contentTypes[Random.Next(s_contentTypes.Length)];
        }

        var user = Random.Next(7) == 0 ? RandomUser() : ApiSeeds.UserFor(route, study);
        string? authorization = null;
        if (route.Contains("/api/devices/", StringComparison.Ordinal))
        {
            authorization = "Device " + (route.EndsWith("/readings", StringComparison.Ordinal) ? study.Patch.Token : study.Wristband.Token);
            path = path.Replace(study.Wristband.Serial, route.EndsWith("/readings", StringComparison.Ordinal) ? study.Patch.Serial : study.Wristband.Serial, StringComparison.Ordinal);
            if (route.EndsWith("/samples", StringComparison.Ordinal) && !path.Contains('?', StringComparison.Ordinal))
            {
                path += "?batch=api-" + Random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return new FuzzRequest(method, path, Client(user), body, type, authorization);
    }

    /// <summary>A device batch: binary or CSV samples from the wristband, or readings from the sweat patch, mutated.</summary>
    public FuzzRequest Device(int index)
    {
        var id = "f-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var kind = Random.Next(10);
        var (serial, token) = kind < 8 ? study.Wristband : study.Patch;
        byte[] body;
        string type;
        var path = $"/api/devices/{serial}/samples";
        switch (kind)
        {
            case < 5:
                body = Random.Next(15) == 0 ? DeviceSeeds.Binary(id, 40) : mutator.MutateBytes(DeviceSeeds.Binary(id, Random.Next(1, 400)));
                type = "application/vnd.dermis.samples";
                break;
            case < 8:
                body = Random.Next(15) == 0 ? Encoding.UTF8.GetBytes(DeviceSeeds.Csv()) : mutator.MutateText(DeviceSeeds.Csv(Random.Next(1, 200)));
                type = "text/csv";
                path += "?batch=" + (Random.Next(6) == 0 ? ApiSeeds.Escape(Hostile(200)) : id);
                break;
            default:
                body = JsonMutator.Mutate(mutator, DeviceSeeds.Readings().Replace("day-1", id, StringComparison.Ordinal));
                type = "application/json";
                path = $"/api/devices/{serial}/readings";
                break;
        }

        if (Random.Next(12) == 0)
        {
            type = s_contentTypes[Random.Next(s_contentTypes.Length)];
        }

        var authorization = Random.Next(25) switch
        {
            // HTTP header values are ASCII: the client itself refuses anything else before it is sent.
            0 => "Device " + new string([.. Hostile(4000).Where(c => c is >= ' ' and <= '~')]),
            1 => "Device " + (serial == study.Wristband.Serial ? study.Patch.Token : study.Wristband.Token),
            2 => null,
            _ => "Device " + token,
        };
        return new FuzzRequest(HttpMethod.Post, path, study.Anonymous, body, type, authorization);
    }

    /// <summary>An ODM Snapshot file of a new participant, mutated as text or as XML.</summary>
    public FuzzRequest Odm(int index)
    {
        var file = study.OdmTemplate.Replace("{SUBJECT}", "DE01-F" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var body = Random.Next(12) switch
        {
            0 => Encoding.UTF8.GetBytes(file),
            < 3 => Encoding.UTF8.GetBytes(XmlMutations.Mutate(Random, file)),
            _ => mutator.MutateText(file),
        };
        var type = Random.Next(12) == 0 ? s_contentTypes[Random.Next(s_contentTypes.Length)] : "application/xml";
        var user = Random.Next(10) == 0 ? RandomUser() : "coord.de";
        return new FuzzRequest(HttpMethod.Post, $"/api/studies/{study.Study}/import/odm", Client(user), body, type, null);
    }

    private string Hostile(int maxLength)
    {
        var text = HostileValues.Text(Random);
        return text.Length > maxLength ? text[..maxLength] : text;
    }

    private string RandomUser()
    {
        var users = study.Clients.Keys.Order(StringComparer.Ordinal).ToArray();
        return Random.Next(users.Length + 1) == users.Length ? "" : users[Random.Next(users.Length)];
    }

    private HttpClient Client(string user) => study.Clients.TryGetValue(user, out var client) ? client : study.Anonymous;

    [GeneratedRegex(@"\{([A-Za-z]+)(:[a-z]+)?\}")]
    private static partial Regex Parameter();
}
