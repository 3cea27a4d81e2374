using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Dermis.Bench.Reliability.Harness;

/// <summary>Requests with a per-request credential, and "this call must succeed" for seeding.</summary>
internal static class CrashHttp
{
    public static HttpClient Client(string url) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };

    public static HttpRequestMessage Request(HttpMethod method, string path, string? scheme, string? token, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");
        }

        return request;
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>Sends a seeding request that must answer 200 or 201; returns its JSON body.</summary>
    public static async Task<JsonElement> MustAsync(HttpClient http, HttpMethod method, string path, string? bearer, HttpContent? content)
    {
        using var request = Request(method, path, "Bearer", bearer, content);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new InvalidOperationException($"Seeding {method} {path}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> TokenAsync(HttpClient http, string username, string password)
    {
        var body = await MustAsync(http, HttpMethod.Post, "/api/auth/token", null, Json(new { username, password }));
        return body.GetProperty("token").GetString()!;
    }

    public static ByteArrayContent Samples(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.dermis.samples");
        return content;
    }
}
