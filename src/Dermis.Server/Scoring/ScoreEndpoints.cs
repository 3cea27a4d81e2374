using System.Text.Json;
using System.Text.Json.Nodes;
using Dermis.Instruments.Json;
using Dermis.Instruments.Scoring;
using Dermis.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Scoring;

/// <summary><c>POST /api/score/{instrument}</c>: score one instrument document (docs/scoring.md).</summary>
internal static class ScoreEndpoints
{
    public static IEndpointRouteBuilder MapScoring(this IEndpointRouteBuilder routes)
    {
        // A pure calculator: it reads no participant record and stores nothing, so it needs no
        // site scope. Saving a score to a participant goes through the eCRF endpoints.
        routes.MapPost("/api/score/{instrument}", ScoreAsync)
            .WithName("Score")
            .WithTags("Scoring")
            .WithSummary("Score one clinical instrument (easi, pasi, scorad, oscorad, viga, hecsi, dlqi, poem, ppnrs, gppga, change).")
            .Accepts<JsonElement>("application/json")
            .Produces<JsonObject>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return routes;
    }

    private static async Task<IResult> ScoreAsync(string instrument, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!ScoreJson.Instruments.Contains(instrument))
        {
            return TypedResults.Problem(
                title: "Unknown instrument",
                detail: new UnknownInstrumentException(instrument).Message,
                statusCode: StatusCodes.Status404NotFound,
                type: ProblemTypes.UnknownInstrument);
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(
                title: "The body is not valid JSON",
                detail: $"The body is not valid JSON: {e.Message}",
                statusCode: StatusCodes.Status400BadRequest,
                type: ProblemTypes.MalformedJson);
        }

        using (document)
        {
            try
            {
                return TypedResults.Ok(ScoreJson.Score(instrument, document.RootElement));
            }
            catch (InstrumentValidationException e)
            {
                var errors = e.Errors
                    .GroupBy(error => error.Field)
                    .ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray());
                return TypedResults.ValidationProblem(
                    errors,
                    detail: e.Message,
                    title: $"Invalid {e.Instrument} input",
                    type: ProblemTypes.InvalidScoreInput);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("JSON text", StringComparison.Ordinal))
            {
                // JsonDocument.Parse does not check the text inside strings; reading a string with a lone surrogate
                // escape or invalid UTF-8 throws here, which is malformed input (400), not a server error.
                return TypedResults.Problem(
                    title: "The body is not valid JSON",
                    detail: $"A string in the body is not valid Unicode: {e.Message}",
                    statusCode: StatusCodes.Status400BadRequest,
                    type: ProblemTypes.MalformedJson);
            }
        }
    }
}
