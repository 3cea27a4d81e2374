using Dermis.Instruments.Scoring;
using Dermis.Trials.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Dermis.Server.Hosting;

/// <summary>
/// The exceptions that carry a user-facing message, as ProblemDetails with a stable <c>type</c>: bad
/// input 400, not visible 404, not allowed 403, state and rule conflicts 409. The API writes them as
/// JSON; the web application shows the same title, detail and field messages on the page.
/// </summary>
internal static class ProblemMapping
{
    /// <summary>The problem for <paramref name="exception"/>, or null when it is not one the caller should read (a 500).</summary>
    public static ProblemDetails? For(Exception exception) => exception switch
    {
        BadInputException bad => Validation(bad.Title, bad.Message, bad.Errors, ProblemTypes.InvalidInput),
        InstrumentValidationException invalid => Validation($"Invalid {invalid.Instrument} input", invalid.Message, invalid.Errors, ProblemTypes.InvalidScoreInput),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found", notFound.Message, ProblemTypes.NotFound),
        UnauthenticatedException unauthenticated => Problem(StatusCodes.Status401Unauthorized, unauthenticated.Title, unauthenticated.Message, ProblemTypes.Unauthenticated),
        ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, "Not allowed", forbidden.Message, ProblemTypes.Forbidden),
        TransitionException transition => Problem(StatusCodes.Status409Conflict, "Action not allowed in this state", transition.Message, ProblemTypes.TransitionNotAllowed),
        DomainRuleException rule => Problem(StatusCodes.Status409Conflict, "Trial rule", rule.Message, ProblemTypes.Rule(rule.Code)),
        EntryRefusedException refused => Problem(StatusCodes.Status422UnprocessableEntity, "Entry refused", refused.Message, ProblemTypes.Rule(refused.Code)),
        StaleWriteException stale => Stale(stale),
        Dermis.Storage.Trials.StaleRowException stale => Stale(new StaleWriteException(stale.Message + " Reload and re-apply your change.", [])),
        System.Data.Common.DbException db when IsUniqueViolation(db) => Problem(StatusCodes.Status409Conflict, "Conflict",
            "Another request stored the same record at the same moment; nothing of this request was stored. Reload and try again.", ProblemTypes.Conflict),
        InvalidProtocolException protocol => Problem(StatusCodes.Status422UnprocessableEntity, "Invalid protocol", protocol.Message, ProblemTypes.InvalidProtocol),
        // The framework's own refusals of a request it cannot read (bad JSON, too large, wrong form); its message says what.
        BadHttpRequestException bad => Problem(bad.StatusCode, "Bad request", bad.Message, ProblemTypes.InvalidInput),
        // A JSON body declared in a charset .NET does not know (found by the fuzzer; the framework throws rather than answer 415).
        InvalidOperationException charset when charset.Message.Contains("charset", StringComparison.Ordinal) =>
            Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported charset", charset.Message + " Send UTF-8 (application/json; charset=utf-8).", ProblemTypes.InvalidInput),
        // JSON that escapes an invalid UTF-16 sequence (a lone surrogate): malformed, whichever route reads it.
        InvalidOperationException utf16 when utf16.Message.StartsWith("Cannot read invalid UTF-16 JSON text", StringComparison.Ordinal) ||
                                              utf16.Message.StartsWith("Cannot transcode invalid UTF-8 JSON text", StringComparison.Ordinal) =>
            Problem(StatusCodes.Status400BadRequest, "Malformed JSON", utf16.Message, ProblemTypes.MalformedJson),
        // A form body that breaks one of the framework's form limits (key or value length, count): its message names the limit.
        InvalidDataException form => Problem(StatusCodes.Status400BadRequest, "Bad request", form.Message, ProblemTypes.InvalidInput),
        // A multipart or form body that ends before its boundary says it does.
        IOException cut when cut.Message.StartsWith("Unexpected end of Stream", StringComparison.Ordinal) =>
            Problem(StatusCodes.Status400BadRequest, "Bad request", "The form body is cut short or its multipart boundary is wrong.", ProblemTypes.InvalidInput),
        _ => null,
    };

    /// <summary>A unique key taken by a concurrent request (PostgreSQL 23505, SQLite constraint error 19).</summary>
    private static bool IsUniqueViolation(System.Data.Common.DbException e) =>
        e.SqlState == "23505" || e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };

    /// <summary>
    /// A sentence for the framework's bodiless refusals (status-code pages, model binding), so no 4xx reaches a caller
    /// without a message.
    /// </summary>
    public static string DefaultDetail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request could not be read: send the documented JSON body and route values (docs/api.md).",
        StatusCodes.Status401Unauthorized => "Sign in first: send a bearer token from POST /api/auth/token, or the session cookie of the web application.",
        StatusCodes.Status403Forbidden => "Your roles do not allow this.",
        StatusCodes.Status404NotFound => "There is no such route or record, or it is not one you may see.",
        StatusCodes.Status405MethodNotAllowed => "This route does not take this HTTP method (docs/api.md lists each route's methods).",
        StatusCodes.Status406NotAcceptable => "This route cannot answer in the media type asked for.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body in the content type the route documents (usually application/json).",
        StatusCodes.Status429TooManyRequests => "Too many requests; wait and try again.",
        >= 500 => "The server could not complete the request; the error is in its log (no internals are shown here).",
        _ => "The request was refused.",
    };

    private static ProblemDetails Problem(int status, string title, string detail, string type) =>
        new() { Status = status, Title = title, Detail = detail, Type = type };

    private static HttpValidationProblemDetails Validation(string title, string detail, IReadOnlyList<FieldError> errors, string type) =>
        new(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Detail = detail,
            Type = type,
        };

    private static ProblemDetails Stale(StaleWriteException stale)
    {
        var problem = Problem(StatusCodes.Status409Conflict, "The record changed since you loaded it", stale.Message, ProblemTypes.StaleWrite);
        problem.Extensions["changedItems"] = stale.ChangedItems;
        return problem;
    }
}
