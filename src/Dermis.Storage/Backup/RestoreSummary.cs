using Dermis.Trials.Audit;

namespace Dermis.Storage.Backup;

/// <summary>What <see cref="DatabaseBackup.RestoreAsync"/> wrote and what the audit check of the restored database found.</summary>
/// <param name="Engine"><c>sqlite</c> or <c>postgresql</c>.</param>
/// <param name="Tables">Tables restored, <c>schema_version</c> included.</param>
/// <param name="Rows">Rows restored over all tables; equal to the manifest's count, table by table.</param>
/// <param name="SchemaVersion">Schema version of the restored database (that of the backup).</param>
/// <param name="Audit">Every audit chain of the restored database, verified by <see cref="Trials.TrialStore.VerifyAuditAsync"/>.</param>
/// <param name="Elapsed">Wall-clock time of the whole restore, verification included.</param>
public sealed record RestoreSummary(string Engine, int Tables, long Rows, int SchemaVersion, IReadOnlyList<AuditVerification> Audit, TimeSpan Elapsed)
{
    /// <summary>Studies with at least one audit chain, all of which were verified.</summary>
    public int StudiesVerified => Audit.Select(a => a.StudyId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>True when every chain verified intact (also when there are none).</summary>
    public bool AuditIntact => Audit.All(a => a.IsIntact);
}
