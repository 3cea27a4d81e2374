using System.Security.Cryptography;
using System.Text;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Protocol;
using Dermis.Trials.Workflow;

namespace Dermis.Server.Trials;

/// <summary>Creating a study from its protocol file: the one path for <c>POST /api/studies</c> and <c>dermis study create</c>.</summary>
public static class StudyCreation
{
    /// <summary>
    /// Parses <paramref name="yaml"/>, stores the study at its first version and makes
    /// <paramref name="adminUsername"/> its sponsor administrator, audited as <paramref name="source"/>.
    /// </summary>
    /// <exception cref="ProtocolException">The file is invalid; every error has line and column.</exception>
    /// <exception cref="DomainRuleException">The study exists already, or the account does not exist.</exception>
    public static async Task<ProtocolDefinition> CreateAsync(
        DermisDatabase database, string yaml, string sourceName, string adminUsername, AuditSource source, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var protocol = ProtocolCache.Load(yaml, sourceName).Definition;
        await using var store = await TrialStore.BeginAsync(database, write: true, cancellationToken);
        var admin = await store.FindAccountAsync(adminUsername, cancellationToken)
            ?? throw new DomainRuleException("unknown-account", $"There is no account '{adminUsername}'; create it first (dermis account create).");
        await store.CreateStudyAsync(protocol.StudyId, protocol.Name, protocol.Sponsor, protocol.Version, yaml, Sha256(yaml), admin.Username, now, cancellationToken);
        await store.AddRoleAsync(protocol.StudyId, admin.Id, StudyRole.SponsorAdmin, null, cancellationToken: cancellationToken);
        store.Audit(protocol.StudyId, new AuditEvent(null, null, "study", protocol.StudyId, null, "create", null, protocol.Version, null));
        store.Audit(protocol.StudyId, new AuditEvent(null, null, "staff", admin.Username, null, "grantRole", null, Names.Of(StudyRole.SponsorAdmin), null));
        await store.CommitAsync(admin.Username, null, source, now, cancellationToken);
        return protocol;
    }

    internal static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
