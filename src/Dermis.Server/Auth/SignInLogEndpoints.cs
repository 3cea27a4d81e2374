using Dermis.Server.Trials;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Auth;

/// <summary>
/// The sign-in log of a study (ASVS V7.2.1, 21 CFR 11.10(d)): every sign-in attempt, successful or not,
/// on an account that holds a role in the study, for its sponsor administrator.
/// </summary>
internal static class SignInLogEndpoints
{
    /// <summary>Most records one request returns; page on with <c>from</c>.</summary>
    public const int MaximumRecords = 1000;

    /// <summary>One sign-in attempt.</summary>
    /// <param name="AtUtc">When.</param>
    /// <param name="Username">The user name typed.</param>
    /// <param name="KnownAccount">False for a user name no account has.</param>
    /// <param name="Channel"><c>api</c> (bearer token) or <c>web</c> (cookie).</param>
    /// <param name="Outcome"><c>succeeded</c> or <c>failed</c>.</param>
    /// <param name="Reason"><c>unknownUser</c>, <c>wrongPassword</c> or <c>locked</c>; null on success.</param>
    /// <param name="Ip">The client address, or null.</param>
    public sealed record SignInView(DateTimeOffset AtUtc, string Username, bool KnownAccount, string Channel, string Outcome, string? Reason, string? Ip);

    public static IEndpointRouteBuilder MapSignInLog(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/studies/{studyId}/sign-ins", ReadAsync).WithTags("Audit")
            .WithSummary("Sign-in attempts (successful and failed) of the study's accounts, oldest first, from ?from= (UTC); sponsor administrators only. "
                + "Installation administrators also see attempts on user names no account has.");
        return routes;
    }

    private static async Task<IResult> ReadAsync(string studyId, DateTimeOffset? from, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        request.Require(Capability.ManageStudy, null);
        // A user name no account has belongs to no study; it may be a password typed in the wrong
        // field, so only installation administrators read those.
        var rows = await request.Store.ListSignInsAsync(studyId, http.User.IsAdmin(), from ?? DateTimeOffset.UnixEpoch, MaximumRecords, http.RequestAborted);
        return TypedResults.Ok(rows.Select(r => new SignInView(UtcText.Parse(r.AtUtc), r.Username, r.AccountId is not null, r.Channel, r.Outcome, r.Reason, r.Ip)).ToList());
    }
}
