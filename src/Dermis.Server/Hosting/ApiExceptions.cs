using Dermis.Instruments.Scoring;

namespace Dermis.Server.Hosting;

/// <summary>
/// The record does not exist, or the caller may not know that it does (another site's participant):
/// HTTP 404, with the same answer in both cases.
/// </summary>
internal sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller sees the record but its role does not allow the action: HTTP 403.</summary>
internal sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The caller did not prove who it is (401), e.g. a device without a valid token.</summary>
internal sealed class UnauthenticatedException(string title, string message) : Exception(message)
{
    public string Title { get; } = title;
}

/// <summary>Malformed or out-of-range request fields: HTTP 400 ValidationProblemDetails naming each field.</summary>
internal sealed class BadInputException(string title, IReadOnlyList<FieldError> errors)
    : Exception(title + ": " + string.Join("; ", errors))
{
    public string Title { get; } = title;

    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public static BadInputException Field(string field, string message) => new("Invalid request", [new FieldError(field, message)]);
}

/// <summary>A save based on an old version of the record: HTTP 409 naming what changed since.</summary>
internal sealed class StaleWriteException(string message, IReadOnlyList<string> changedItems) : Exception(message)
{
    public IReadOnlyList<string> ChangedItems { get; } = changedItems;
}

/// <summary>A protocol file that does not parse or breaks a rule: HTTP 422 naming file, line and column.</summary>
internal sealed class InvalidProtocolException(string message) : Exception(message);

/// <summary>A well-formed entry refused by a rule of its context (a diary window closed): HTTP 422 with a stable code.</summary>
internal sealed class EntryRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
