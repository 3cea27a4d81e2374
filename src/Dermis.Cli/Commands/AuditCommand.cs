using System.CommandLine;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;

namespace Dermis.Cli.Commands;

/// <summary><c>dermis audit verify</c>: proves every study's audit chain intact, or names the first broken record.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var db = DatabaseOption.Create();
        var verify = new Command("verify", "Recompute every audit record's hash and link; exit 1 naming the first broken record of each broken chain.") { db };
        verify.SetAction((parseResult, cancellationToken) => DermisCommand.GuardAsync(parseResult, async output =>
        {
            await using var database = DermisDatabase.Create(DatabaseOption.Resolve(parseResult, db));
            await using var store = await TrialStore.BeginAsync(database, write: false, cancellationToken);
            var results = await store.VerifyAuditAsync(cancellationToken);
            foreach (var study in results.GroupBy(r => r.StudyId))
            {
                var records = study.Sum(r => r.Records);
                var broken = study.Where(r => !r.IsIntact).ToList();
                await output.WriteLineAsync(broken.Count == 0
                    ? $"{study.Key}: {records} records in {study.Count()} chains, intact"
                    : string.Join(Environment.NewLine, broken.Select(r =>
                        $"{study.Key}: BROKEN in chain '{(r.Chain.Length == 0 ? "study" : r.Chain)}' at record {r.FirstBrokenSequence}: {r.Problem}")));
            }

            if (results.Count == 0)
            {
                await output.WriteLineAsync("No audit records.");
            }

            return results.All(r => r.IsIntact) ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return new Command("audit", "Audit trail.") { verify };
    }
}
