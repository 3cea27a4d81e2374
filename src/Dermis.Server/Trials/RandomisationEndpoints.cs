using System.Text.Json;
using Dermis.Server.Hosting;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Participants;
using Dermis.Trials.Protocol;
using Dermis.Trials.Randomisation;
using Dermis.Trials.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dermis.Server.Trials;

/// <summary>Randomisation (server-side, concealed) and emergency unblinding.</summary>
internal static partial class RandomisationEndpoints
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Emergency unblinding in {Study}: participant {Participant} at site {Site} by {Actor}; reason: {Reason}")]
    private static partial void LogUnblinding(ILogger logger, string study, string participant, string site, string actor, string reason);

    public sealed record RandomiseRequest(Dictionary<string, string>? Strata);

    public sealed record UnblindRequest(string? Reason);

    public static IEndpointRouteBuilder MapRandomisation(this IEndpointRouteBuilder routes)
    {
        var participant = routes.MapGroup("/api/studies/{studyId}/participants/{participant}").WithTags("Randomisation");
        participant.MapPost("/randomise", RandomiseAsync)
            .WithSummary("Randomise an enrolled, consented, eligible participant by the protocol's method; the arm is shown only to unblinded roles.");
        participant.MapPost("/unblind", UnblindAsync)
            .WithSummary("Emergency unblinding of one participant by the investigator, with a reason; audited.");
        return routes;
    }

    internal static async Task<IResult> RandomiseAsync(string studyId, string participant, RandomiseRequest body, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var row = await request.ParticipantToChangeAsync(participant, Capability.Randomise);
        var protocol = (await request.ProtocolAsync()).Definition;
        var settings = protocol.Randomisation;
        var from = Names.Parse<ParticipantStatus>(row.Status)!.Value;
        var to = ParticipantWorkflow.Apply(row.ScreeningNumber, from, ParticipantAction.Randomise);
        await ParticipantEndpoints.RequireEnrollableAsync(request, row);

        var levels = ReadLevels(protocol, settings, body.Strata);
        if (settings.StratifyBySite || settings.Factors.Any(f => f.Factor == Minimisation.SiteFactor))
        {
            levels[Minimisation.SiteFactor] = row.SiteId;
        }

        await request.Store.LockRandomisationAsync(studyId);
        var random = http.RequestServices.GetRequiredService<RandomSource>();
        var arms = protocol.Arms.Select(a => new ArmRatio(a.Id, a.Ratio)).ToList();
        var ratioSum = arms.Sum(a => a.Ratio);
        var drawsBefore = random.Draws;
        string arm, stratum;
        object diagnostic;
        if (settings.Method == RandomisationMethod.Blocks)
        {
            stratum = string.Join("|", levels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
            var state = await request.Store.GetBlockAsync(studyId, stratum);
            var allocation = new PermutedBlocks(arms, settings.BlockSizes.Select(size => size / ratioSum).ToList()).Allocate(state, random);
            await request.Store.SaveBlockAsync(studyId, stratum, allocation.State);
            arm = allocation.Arm;
            diagnostic = new { method = "blocks", stratum, blockNumber = allocation.State.BlockNumber, blockSize = allocation.State.Block.Count, position = allocation.State.Position, allocation.NewBlock };
        }
        else
        {
            var scope = settings.StratifyBySite ? row.SiteId : null;
            stratum = scope is null ? "study" : $"site={scope}";
            var earlier = await request.Store.ListAllocationsAsync(studyId, scope);
            var counts = new Dictionary<(string Factor, string Level), IReadOnlyDictionary<string, int>>();
            foreach (var previous in earlier)
            {
                foreach (var (factor, level) in JsonSerializer.Deserialize<Dictionary<string, string>>(previous.Levels)!)
                {
                    var perArm = counts.TryGetValue((factor, level), out var existing) ? (Dictionary<string, int>)existing : arms.ToDictionary(a => a.Arm, _ => 0);
                    perArm[previous.Arm] = perArm.GetValueOrDefault(previous.Arm) + 1;
                    counts[(factor, level)] = perArm;
                }
            }

            var factors = settings.Factors.Where(f => !(settings.StratifyBySite && f.Factor == Minimisation.SiteFactor)).ToList();
            var scheme = new MinimisationScheme(arms, factors, settings.Measure, settings.PreferredProbability, settings.InitialRandom);
            var allocation = Minimisation.Allocate(scheme, levels, counts, earlier.Count, random);
            arm = allocation.Arm;
            var seen = levels.ToDictionary(l => $"{l.Key}={l.Value}", l => counts.GetValueOrDefault((l.Key, l.Value)) ?? arms.ToDictionary(a => a.Arm, _ => 0));
            diagnostic = new { method = "minimisation", stratum, allocatedBefore = earlier.Count, countsSeen = seen, imbalance = allocation.Imbalance, probabilities = allocation.Probabilities, allocation.Random };
        }

        // The kit is drawn after the arm, from the same unpredictable source, so its number carries no information about it.
        string kit;
        do
        {
            kit = "K" + random.NextInt(100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        }
        while (await request.Store.KitIssuedAsync(studyId, kit));

        var record = new AllocationRow
        {
            KitNumber = kit,
            ParticipantId = row.Id, StudyId = studyId, SiteId = row.SiteId, Stratum = stratum, Levels = JsonSerializer.Serialize(levels), Arm = arm,
            Method = Names.Of(settings.Method), AllocatedAt = UtcText.Format(request.Now), AllocatedBy = request.Actor,
            Diagnostic = JsonSerializer.Serialize(new { diagnostic, draws = random.Draws - drawsBefore }),
        };
        await request.Store.AddAllocationAsync(record);
        row.Status = Names.Of(to);
        row.Arm = arm;
        await request.Store.UpdateParticipantAsync(row);
        request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "participant", row.ScreeningNumber, "status", "randomise", Names.Of(from), row.Status, null));
        request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "allocation", row.ScreeningNumber, "arm", "allocate", null, arm, record.Levels));
        request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "allocation", row.ScreeningNumber, "diagnostic", "allocate", null, record.Diagnostic, null));
        request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "allocation", row.ScreeningNumber, "kitNumber", "issueKit", null, kit, null));
        await request.CommitAsync(Capability.Randomise, row.SiteId);

        var visible = await Blinding.CanSeeArmAsync(request, row);
        return TypedResults.Ok(new { row.ScreeningNumber, row.Status, Arm = visible ? arm : null, Blinded = !visible, record.KitNumber, record.AllocatedAt, Levels = levels });
    }

    internal static async Task<IResult> UnblindAsync(string studyId, string participant, UnblindRequest body, HttpContext http, ILoggerFactory loggers)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        var row = await request.ParticipantToChangeAsync(participant, Capability.Unblind, allowFrozen: true);
        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            throw BadInputException.Field("reason", "is required: why the treatment must be known (e.g. a serious adverse event)");
        }

        var allocation = await request.Store.GetAllocationAsync(row.Id)
            ?? throw new DomainRuleException("not-randomised", $"Participant {row.ScreeningNumber} has not been randomised; there is nothing to unblind.");
        var role = request.Access.RoleFor(Capability.Unblind, row.SiteId);
        await request.Store.AddUnblindingAsync(row.Id, request.Actor, role is null ? null : Names.Of(role.Value), body.Reason, request.Now);
        request.Audit(new AuditEvent(row.SiteId, row.ScreeningNumber, "allocation", row.ScreeningNumber, "arm", "unblind", null, "unblinded", body.Reason));
        await request.CommitAsync(Capability.Unblind, row.SiteId);
        // A warning-level event, so that monitoring forwards it to the sponsor's safety contact (the arm is not logged).
        LogUnblinding(loggers.CreateLogger("Dermis.Randomisation"), studyId, row.ScreeningNumber, row.SiteId, request.Actor, body.Reason);
        return TypedResults.Ok(new { row.ScreeningNumber, allocation.Arm, UnblindedBy = request.Actor, body.Reason });
    }

    /// <summary>The participant's level of every randomisation factor (site is added by the caller), each checked against the protocol.</summary>
    private static Dictionary<string, string> ReadLevels(ProtocolDefinition protocol, RandomisationSettings settings, Dictionary<string, string>? strata)
    {
        var errors = new Fields();
        var levels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var factor in settings.Factors.Where(f => f.Factor != Minimisation.SiteFactor))
        {
            var allowed = protocol.Stratification.First(f => f.Id == factor.Factor).Levels;
            if (strata is not null && strata.TryGetValue(factor.Factor, out var level) && allowed.Contains(level))
            {
                levels[factor.Factor] = level;
            }
            else
            {
                errors.Add($"strata.{factor.Factor}", $"is required; allowed: {string.Join(", ", allowed)}");
            }
        }

        foreach (var key in strata?.Keys ?? Enumerable.Empty<string>())
        {
            errors.Check($"strata.{key}", levels.ContainsKey(key) || settings.Factors.Any(f => f.Factor == key && f.Factor != Minimisation.SiteFactor),
                $"is not a randomisation factor; factors: {string.Join(", ", settings.Factors.Where(f => f.Factor != Minimisation.SiteFactor).Select(f => f.Factor))} (the site is taken from the participant)");
        }

        errors.ThrowIfAny("Invalid randomisation");
        return levels;
    }
}
