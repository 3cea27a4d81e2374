using System.Data.Common;
using System.Text;
using Dermis.Storage.Database;

namespace Dermis.Bench.Fuzz;

/// <summary>
/// What the stored data looks like, cheaply enough to take after every case: the row count of every table
/// and the head (last sequence and hash) of every audit chain. A refused request must leave it unchanged.
/// </summary>
internal sealed class DataSnapshot
{
    private readonly DermisDatabase _database;
    private readonly string _sql;

    private DataSnapshot(DermisDatabase database, string sql)
    {
        _database = database;
        _sql = sql;
    }

    /// <summary>Lists the tables of <paramref name="database"/> once; <see cref="TakeAsync"/> then reads them in one statement.</summary>
    public static async Task<DataSnapshot> ForAsync(DermisDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = database.Target.Kind == DatabaseKind.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                // The sign-in log records refused attempts by design (docs/security.md): it is not stored data a refusal may not change.
                if (reader.GetString(0) != "sign_in_event")
                {
                    tables.Add(reader.GetString(0));
                }
            }
        }

        // Table names come from the catalogue, not from input: safe to splice.
        var counts = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', COUNT(*) FROM {t}"));
        return new DataSnapshot(database, counts + ";SELECT study_id, chain, last_sequence, last_hash FROM audit_chain ORDER BY study_id, chain");
    }

    /// <summary>The snapshot as text: "table=count" lines, then "study/chain=sequence:hash" lines.</summary>
    public async Task<string> TakeAsync()
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        var text = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        await ReadAsync(reader, text);
        await reader.NextResultAsync();
        await ReadAsync(reader, text);
        return text.ToString();
    }

    /// <summary>The lines of <paramref name="after"/> that differ from <paramref name="before"/> ("table: 3 → 4").</summary>
    public static string Difference(string before, string after)
    {
        var old = before.Split('\n').ToHashSet(StringComparer.Ordinal);
        return string.Join("; ", after.Split('\n').Where(l => !old.Contains(l)));
    }

    private static async Task ReadAsync(DbDataReader reader, StringBuilder text)
    {
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.GetValue(i)).Append(i + 1 < reader.FieldCount ? "=" : "\n");
            }
        }
    }
}
