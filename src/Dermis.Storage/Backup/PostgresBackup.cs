using System.Data;
using System.Text;
using Dapper;
using Dermis.Storage.Database;
using Npgsql;

namespace Dermis.Storage.Backup;

/// <summary>
/// PostgreSQL: a dump made by Npgsql alone (no <c>pg_dump</c> of the server's version is needed):
/// one REPEATABLE READ, read-only transaction, so every table is read from the same snapshot while
/// the server keeps writing, and one <c>COPY … TO STDOUT</c> text entry per Dermis table, in
/// foreign-key order.
/// </summary>
internal static class PostgresBackup
{
    private const int CharBuffer = 1 << 15;

    public static async Task<BackupManifest> BackupAsync(DermisDatabase database, BackupWriter writer, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = (NpgsqlConnection)await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        // The snapshot is taken at the first statement after BEGIN; SET TRANSACTION must come before it.
        await connection.ExecuteAsync(new CommandDefinition(
            "SET TRANSACTION READ ONLY; " + PostgresSchema.StableTextSettings, transaction: transaction, cancellationToken: cancellationToken));
        var createdAt = time.GetUtcNow();

        var migrations = await BackupFormat.ReadMigrationsAsync(connection, transaction, database, cancellationToken);
        var present = await BackupFormat.ExistingDermisTablesAsync(connection, transaction, DatabaseKind.PostgreSql, cancellationToken);
        var order = await PostgresSchema.ForeignKeyOrderAsync(connection, transaction, present, cancellationToken);
        var columns = await PostgresSchema.ColumnsAsync(connection, transaction, cancellationToken);

        var tables = new List<BackupTable>(order.Count);
        var buffer = new char[CharBuffer];
        foreach (var name in order)
        {
            var entryName = $"tables/{name}.copy";
            long rows;
            using (var hashing = writer.AddEntry(entryName))
            {
                await using (var utf8 = new StreamWriter(hashing, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true))
                using (var export = await connection.BeginTextExportAsync(CopySql(name, columns[name], "TO STDOUT"), cancellationToken))
                {
                    int read;
                    while ((read = await export.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
                    {
                        await utf8.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }
                }

                // COPY's text format escapes newlines inside values, so each row is one line.
                rows = hashing.LineFeeds;
                writer.Complete(entryName, hashing);
            }

            tables.Add(new BackupTable(name, columns[name], rows, entryName));
        }

        return new BackupManifest(BackupManifest.CurrentFormatVersion, "postgresql", migrations[^1].Version, migrations, tables, [], createdAt, BackupFormat.DermisVersion);
    }

    internal static string CopySql(string table, IEnumerable<string> columns, string direction) =>
        $"COPY {BackupFormat.Quote(table)} ({string.Join(", ", columns.Select(BackupFormat.Quote))}) {direction}";
}
