using System.Text;

namespace Dermis.Bench.Fuzz;

/// <summary>One hostile request: who sends it, where, with which body and content type.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query, already escaped.</param>
/// <param name="Client">The signed-in (or anonymous) client that sends it.</param>
/// <param name="Body">The body, or null for none.</param>
/// <param name="ContentType">The Content-Type header (sent as given, even when malformed).</param>
/// <param name="Authorization">An Authorization header that replaces the client's (device tokens), or null.</param>
internal sealed record FuzzRequest(HttpMethod Method, string Path, HttpClient Client, byte[]? Body, string? ContentType, string? Authorization)
{
    /// <summary>The request as text for a failure report (the body up to 1,500 characters).</summary>
    public string Describe()
    {
        var body = Body is null ? "(no body)" : Encoding.UTF8.GetString(Body);
        return $"{Method} {Path} [{ContentType}]{(Authorization is null ? "" : " Authorization: " + Authorization[..Math.Min(Authorization.Length, 20)] + "…")}\n{(body.Length > 1500 ? body[..1500] + "…" : body)}";
    }

    /// <summary>The message to send (a new one each time: a message is sent once).</summary>
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, new Uri(Path, UriKind.Relative));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        if (Authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", Authorization);
        }

        return message;
    }
}
