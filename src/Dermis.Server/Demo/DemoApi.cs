using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Dermis.Server.Demo;

/// <summary>The demo seeder's HTTP calls: one bearer client per account, every call checked.</summary>
internal sealed class DemoApi(Uri baseAddress) : IDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly SocketsHttpHandler _handler = new() { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };

    public int Requests;

    private HttpClient? _anonymous;

    public HttpClient Anonymous() => _anonymous ??= Client(null);

    /// <summary>Signs <paramref name="username"/> in (POST /api/auth/token) and keeps its client.</summary>
    public async Task<HttpClient> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        var token = await SendAsync(Anonymous(), HttpMethod.Post, "/api/auth/token", JsonContent.Create(new { username, password }), cancellationToken);
        var client = Client(token.GetProperty("token").GetString());
        lock (_clients)
        {
            _clients[username] = client;
        }

        return client;
    }

    public HttpClient For(string username)
    {
        lock (_clients)
        {
            return _clients[username];
        }
    }

    public Task<JsonElement> PostAsync(HttpClient client, string path, object body, CancellationToken cancellationToken) =>
        SendAsync(client, HttpMethod.Post, path, JsonContent.Create(body), cancellationToken);

    public Task<JsonElement> PutAsync(HttpClient client, string path, object body, CancellationToken cancellationToken) =>
        SendAsync(client, HttpMethod.Put, path, JsonContent.Create(body), cancellationToken);

    public Task<JsonElement> GetAsync(HttpClient client, string path, CancellationToken cancellationToken) =>
        SendAsync(client, HttpMethod.Get, path, null, cancellationToken);

    public Task<JsonElement> PostTextAsync(HttpClient client, string path, string text, string mediaType, CancellationToken cancellationToken) =>
        SendAsync(client, HttpMethod.Post, path, new StringContent(text, Encoding.UTF8, mediaType), cancellationToken);

    /// <summary>Sends one request; anything but 200/201 stops the demo with the route and the server's problem.</summary>
    public async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Requests);
        using var message = new HttpRequestMessage(method, path) { Content = content };
        using var response = await client.SendAsync(message, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if ((int)response.StatusCode is not (200 or 201))
        {
            throw new DemoSeedException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose()
    {
        lock (_clients)
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }
        }

        _anonymous?.Dispose();

        _handler.Dispose();
    }

    private HttpClient Client(string? token)
    {
        var client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}

/// <summary>The demo could not be seeded: a request the seeder relies on was refused (the message names it).</summary>
public sealed class DemoSeedException(string message) : Exception(message);
