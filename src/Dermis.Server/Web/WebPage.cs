using System.Globalization;
using Dermis.Server.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Dermis.Server.Web;

/// <summary>
/// A server-rendered page: the request's <see cref="HttpContext"/> (so it runs the same
/// <c>TrialRequest</c> access checks as the API) and a problem to show when an action was refused,
/// with the same title, detail and field messages the API would return.
/// </summary>
public abstract class WebPage : ComponentBase
{
    /// <summary>The request being rendered (static server rendering always has one).</summary>
    [CascadingParameter]
    public HttpContext HttpContext { get; set; } = default!;

    /// <summary>Navigation (redirect after a successful post).</summary>
    [Inject]
    public NavigationManager Navigation { get; set; } = default!;

    /// <summary>Why the last action or read was refused, or null.</summary>
    protected ProblemDetails? Problem { get; private set; }

    /// <summary>True when the page's subject was not found or not visible to the caller.</summary>
    protected bool NotFound => Problem?.Status == StatusCodes.Status404NotFound;

    /// <summary>Messages per field of the last refused action (API field names, e.g. <c>data.regions.head.area</c>).</summary>
    protected IReadOnlyDictionary<string, string[]> FieldErrors =>
        (Problem as HttpValidationProblemDetails)?.Errors as IReadOnlyDictionary<string, string[]> ?? new Dictionary<string, string[]>();

    /// <summary>Runs <paramref name="action"/>; a refusal becomes <see cref="Problem"/> and the response status, anything else propagates (500).</summary>
    protected async Task<bool> TryAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            return true;
        }
        catch (Exception e) when (ProblemMapping.For(e) is { } problem)
        {
            Problem = problem;
            if (problem.Status == StatusCodes.Status404NotFound)
            {
                // The router renders its not-found page with a 404 (the same for missing and not visible).
                Navigation.NotFound();
            }
            else if (!HttpContext.Response.HasStarted)
            {
                HttpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
            }

            return false;
        }
    }

    /// <summary>Shows field messages without a refusal (a preview of the values on the page).</summary>
    protected void ShowFieldErrors(IReadOnlyList<Dermis.Instruments.Scoring.FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Problem = new HttpValidationProblemDetails(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Title = "Check the marked values",
            Status = StatusCodes.Status400BadRequest,
        };
    }

    /// <summary>The posted form value <paramref name="name"/>, or null.</summary>
    protected string? Posted(string name) =>
        HttpContext.Request.HasFormContentType && HttpContext.Request.Form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;

    /// <summary>The query-string value <paramref name="name"/>, or null.</summary>
    protected string? QueryValue(string name) =>
        HttpContext.Request.Query.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;

    /// <summary>Redirect after a successful post (post/redirect/get), so a reload never posts twice.</summary>
    protected void RedirectTo(string url) => Navigation.NavigateTo(url);

    /// <summary>An ISO date as "12 Mar 2026".</summary>
    protected static string Day(string? isoDate) =>
        isoDate is null ? "" : DateOnly.TryParse(isoDate.AsSpan(0, Math.Min(10, isoDate.Length)), CultureInfo.InvariantCulture, out var d) ? d.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : isoDate;

    /// <summary>A date as "12 Mar 2026".</summary>
    protected static string Day(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>An ISO instant as "12 Mar 2026 14:05 UTC".</summary>
    protected static string Moment(string? iso) =>
        iso is not null && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : iso ?? "";

    /// <summary>A camelCase code as words: <c>screenFailed</c> → "screen failed".</summary>
    protected static string Words(string? code) => Humanize.Words(code);
}
