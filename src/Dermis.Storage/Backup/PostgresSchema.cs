using System.Data.Common;
using Dapper;

namespace Dermis.Storage.Backup;

/// <summary>What a PostgreSQL dump and restore read from the catalog: foreign-key order, columns, identity columns.</summary>
internal static class PostgresSchema
{
    /// <summary>
    /// <paramref name="tables"/> ordered so that every table comes after the tables its foreign keys
    /// reference (Kahn's algorithm; ties by name, so the order is the same on every run).
    /// </summary>
    /// <exception cref="InvalidOperationException">The foreign keys form a cycle (Dermis's schema has none).</exception>
    public static async Task<List<string>> ForeignKeyOrderAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> tables, CancellationToken cancellationToken)
    {
        var edges = await connection.QueryAsync<(string Child, string Parent)>(new CommandDefinition("""
            SELECT child.relname, parent.relname
            FROM pg_constraint c
            JOIN pg_class child ON child.oid = c.conrelid
            JOIN pg_class parent ON parent.oid = c.confrelid
            WHERE c.contype = 'f' AND child.relnamespace = current_schema()::regnamespace
            """, transaction: transaction, cancellationToken: cancellationToken));
        return TopologicalOrder(tables, edges);
    }

    /// <summary>Orders <paramref name="tables"/> parents first; edges to tables outside the set and self-references are ignored.</summary>
    public static List<string> TopologicalOrder(IReadOnlyCollection<string> tables, IEnumerable<(string Child, string Parent)> edges)
    {
        var set = tables.ToHashSet(StringComparer.Ordinal);
        var parents = tables.ToDictionary(t => t, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (child, parent) in edges)
        {
            if (set.Contains(child) && set.Contains(parent) && child != parent)
            {
                parents[child].Add(parent);
            }
        }

        var ready = new SortedSet<string>(tables.Where(t => parents[t].Count == 0), StringComparer.Ordinal);
        var order = new List<string>(tables.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var (child, waiting) in parents)
            {
                if (waiting.Remove(next) && waiting.Count == 0)
                {
                    ready.Add(child);
                }
            }
        }

        if (order.Count != tables.Count)
        {
            throw new InvalidOperationException(
                $"The foreign keys among [{string.Join(", ", tables.Except(order))}] form a cycle; a table-by-table restore needs an order.");
        }

        return order;
    }

    /// <summary>Column names of every table in the current schema, in column order.</summary>
    public static async Task<Dictionary<string, List<string>>> ColumnsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Table, string Column)>(new CommandDefinition(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position",
            transaction: transaction, cancellationToken: cancellationToken));
        var columns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (table, column) in rows)
        {
            if (!columns.TryGetValue(table, out var list))
            {
                columns[table] = list = [];
            }

            list.Add(column);
        }

        return columns;
    }

    /// <summary>Columns fed by a sequence (identity or serial), which a restore must move past the restored ids.</summary>
    public static async Task<List<(string Table, string Column)>> SequenceColumnsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<(string, string)>(new CommandDefinition("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')
            ORDER BY table_name, column_name
            """, transaction: transaction, cancellationToken: cancellationToken))];

    /// <summary>Session settings that make COPY text identical in form on dump and restore, whatever the server's defaults.</summary>
    public const string StableTextSettings =
        "SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL TimeZone = 'UTC'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 3";
}
