using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;

namespace Dermis.Storage.Backup;

/// <summary>What both engines' backups share: the Dermis version, engine names, and which tables are Dermis's.</summary>
internal static partial class BackupFormat
{
    public static string DermisVersion { get; } =
        typeof(BackupFormat).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static string EngineName(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => "sqlite",
        DatabaseKind.PostgreSql => "postgresql",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown database kind."),
    };

    /// <summary>
    /// The tables this build's migrations create, plus <c>schema_version</c>. A backup copies these
    /// and a forced restore drops only these, so tables of other applications sharing the database are left alone.
    /// </summary>
    public static IReadOnlySet<string> DermisTableNames(DatabaseKind kind)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "schema_version" };
        foreach (var migration in MigrationCatalog.For(kind))
        {
            foreach (Match match in CreateTable().Matches(migration.Sql))
            {
                names.Add(match.Groups["name"].Value.ToLowerInvariant());
            }
        }

        return names;
    }

    /// <summary>The Dermis tables present in the database, sorted by name.</summary>
    public static async Task<List<string>> ExistingDermisTablesAsync(DbConnection connection, DbTransaction? transaction, DatabaseKind kind, CancellationToken cancellationToken)
    {
        var sql = kind == DatabaseKind.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
        var present = await connection.QueryAsync<string>(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
        var dermis = DermisTableNames(kind);
        return [.. present.Where(dermis.Contains).Order(StringComparer.Ordinal)];
    }

    /// <summary>Reads <c>schema_version</c>; refuses a database migrated by a newer build or with a changed migration.</summary>
    public static async Task<List<BackupMigration>> ReadMigrationsAsync(DbConnection connection, DbTransaction? transaction, DermisDatabase database, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<(long Version, string Name, string Checksum)>(new CommandDefinition(
            "SELECT version, name, checksum FROM schema_version ORDER BY version", transaction: transaction, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            throw new BackupException(BackupProblem.SourceNewerThanBuild,
                $"it has no migrations applied, so there is nothing to back up; run 'dermis db migrate' first");
        }

        var catalog = MigrationCatalog.For(database.Target.Kind);
        foreach (var row in rows)
        {
            var mine = catalog.FirstOrDefault(m => m.Version == row.Version);
            if (mine is null || mine.Checksum != row.Checksum)
            {
                // A backup of tables this build does not know would be incomplete: refuse rather than miss them.
                throw new BackupException(BackupProblem.SourceNewerThanBuild,
                    $"it has migration {row.Version:D4}_{row.Name} ({row.Checksum}), which this Dermis ({DermisVersion}) " +
                    $"{(mine is null ? "does not have: it was migrated by a newer Dermis" : "has with another checksum")}. Back it up with the Dermis that migrated it");
            }
        }

        return [.. rows.Select(r => new BackupMigration((int)r.Version, r.Name, r.Checksum))];
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"CREATE\s+TABLE\s+(IF\s+NOT\s+EXISTS\s+)?(?<name>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();
}
