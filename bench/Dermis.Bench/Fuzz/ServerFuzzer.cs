using System.Diagnostics;
using System.Text.Json;
using Dermis.Storage.Database;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Bench.Fuzz;

/// <summary>
/// Hostile requests against a running server: every answer must come within 5 s, be below 500, carry a
/// ProblemDetails message when it is a 4xx of the API, and a request that was not accepted (2xx) must leave
/// the stored data as it was (<see cref="DataSnapshot"/>, taken after every case). Accepted requests are
/// counted and their changes become the new baseline.
/// </summary>
internal sealed class ServerFuzzer
{
    private readonly DataSnapshot _snapshot;
    private readonly ApiRequests _api;
    private readonly Mutator _mutator;

    private ServerFuzzer(FuzzStudy study, DataSnapshot snapshot, IReadOnlyList<string> routes, int seed)
    {
        _snapshot = snapshot;
        _mutator = new Mutator(new Random(seed));
        _api = new ApiRequests(study, routes, _mutator);
    }

    /// <summary>Runs <paramref name="cases"/> cases of <paramref name="target"/> (api, device or odm) from <paramref name="seed"/>.</summary>
    /// <param name="routes">The application's routes as "METHOD pattern" (from its EndpointDataSource).</param>
    public static async Task<FuzzTally> RunAsync(string target, FuzzStudy study, DermisDatabase database, IReadOnlyList<string> routes, int cases, int seed)
    {
        var fuzzer = new ServerFuzzer(study, await DataSnapshot.ForAsync(database), routes, seed);
        var tally = new FuzzTally(target, seed);
        var before = await fuzzer._snapshot.TakeAsync();
        for (var index = 0; index < cases; index++)
        {
            var request = target switch
            {
                "api" => fuzzer._api.Next(),
                "device" => fuzzer._api.Device(index),
                "odm" => fuzzer._api.Odm(index),
                _ => throw new ArgumentOutOfRangeException(nameof(target), target, "server fuzz targets: api, device, odm"),
            };
            var started = Stopwatch.GetTimestamp();
            var (outcome, detail) = await SendAsync(request);
            var latency = Stopwatch.GetElapsedTime(started);
            var after = await fuzzer._snapshot.TakeAsync();
            if (outcome != FuzzOutcome.Accepted && after != before)
            {
                detail = $"a refused request changed stored data: {DataSnapshot.Difference(before, after)} (answer: {detail})";
                outcome = FuzzOutcome.Crash;
            }

            before = after;
            tally.Add(index, outcome, latency, () => $"{detail}\n--- request ---\n{request.Describe()}");
        }

        return tally;
    }

    /// <summary>Every route of the running application as "METHOD pattern", as SiteIsolationTests enumerates them.</summary>
    public static IReadOnlyList<string> Routes(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Distinct().Order(StringComparer.Ordinal)];

    private static async Task<(FuzzOutcome Outcome, string Detail)> SendAsync(FuzzRequest request)
    {
        using var timeout = new CancellationTokenSource(FuzzTally.TimeLimit);
        try
        {
            using var message = request.ToMessage();
            using var response = await request.Client.SendAsync(message, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            var answer = $"{status} {(text.Length > 500 ? text[..500] : text)}";
            return status switch
            {
                >= 500 => (FuzzOutcome.ServerError, answer),
                >= 400 when text.Length == 0 && RefusedByKestrel(status, request.Path) => (FuzzOutcome.TransportRefused, answer),
                >= 400 when request.Path.StartsWith("/api/", StringComparison.Ordinal) && !HasMessage(response, text) => (FuzzOutcome.Unexplained, answer),
                >= 400 => (FuzzOutcome.Refused, answer),
                >= 300 => (FuzzOutcome.Redirected, answer),
                _ => (FuzzOutcome.Accepted, answer),
            };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return (FuzzOutcome.Timeout, "no answer within 5 s");
        }
        catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
        {
            // The in-process TestServer refuses %00 in a path before the application sees it; Kestrel answers 400.
            return (FuzzOutcome.Refused, "refused by the host: " + e.Message);
        }
        catch (HttpRequestException e)
        {
            return (FuzzOutcome.Crash, e.ToString());
        }
    }

    /// <summary>
    /// What Kestrel's parser refuses before any middleware runs, answering with no body: a request line longer than
    /// <c>MaxRequestLineSize</c> (8 KiB; 414) and a path whose percent-decoding holds a NUL (400 "Invalid request target").
    /// </summary>
    private static bool RefusedByKestrel(int status, string pathAndQuery) => status switch
    {
        414 => System.Text.Encoding.UTF8.GetByteCount(pathAndQuery) > 8 * 1024 - 32,
        400 => pathAndQuery.Split('?')[0].Contains("%00", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>RFC 9457 ProblemDetails (application/problem+json) with a detail, or field errors, that say what is wrong.</summary>
    private static bool HasMessage(HttpResponseMessage response, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        try
        {
            var body = JsonDocument.Parse(text).RootElement;
            return (body.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String && detail.GetString()!.Length > 0)
                || (body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any());
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
