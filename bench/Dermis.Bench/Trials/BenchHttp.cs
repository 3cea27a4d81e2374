using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dermis.Bench.Trials;

/// <summary>What the HTTP benchmarks share: options, a free port, sign-in and "this call must succeed".</summary>
internal static class BenchHttp
{
    public const string Password = "benchmark password";

    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<string> TokenAsync(HttpClient http, string username)
    {
        using var response = await Ok(http.PostAsJsonAsync("/api/auth/token", new { username, password = Password }));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> send)
    {
        var response = await send;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }
}
