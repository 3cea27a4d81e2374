using Dapper;
using Dermis.Storage.Backup;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Dermis.Testing;

namespace Dermis.Storage.Tests.Backup;

public sealed class ForeignKeyOrderTests
{
    [Fact]
    public void Topological_order_puts_parents_first_and_breaks_ties_by_name()
    {
        // b → a, c → b, d → a, c → d, e → e (self-reference, ignored), x → outside (ignored).
        // By hand (Kahn, smallest ready name first): ready {a, e} → a; then {b, d, e} → b; {d, e} → d;
        // c becomes ready: {c, e} → c; → e.
        string[] tables = ["e", "d", "c", "b", "a"];
        (string, string)[] edges = [("b", "a"), ("c", "b"), ("d", "a"), ("c", "d"), ("e", "e"), ("x", "a"), ("a", "outside")];

        var order = PostgresSchema.TopologicalOrder(tables, edges);

        Assert.Equal(["a", "b", "d", "c", "e"], order);
    }

    [Fact]
    public void Topological_order_of_a_cycle_names_the_tables_in_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            PostgresSchema.TopologicalOrder(["a", "b", "c"], [("a", "b"), ("b", "a"), ("c", "a")]));

        Assert.Equal("The foreign keys among [a, b, c] form a cycle; a table-by-table restore needs an order.", error.Message);
    }

    [Fact]
    public void Dermis_table_names_are_the_34_created_by_the_migrations_and_schema_version_on_both_engines()
    {
        var sqlite = BackupFormat.DermisTableNames(DatabaseKind.Sqlite);
        var postgres = BackupFormat.DermisTableNames(DatabaseKind.PostgreSql);

        // 34 CREATE TABLE statements across 0001–0010 (counted in the files), plus schema_version.
        Assert.Equal(35, sqlite.Count);
        Assert.Equal(sqlite.Order(), postgres.Order());
        Assert.Contains("audit_chain", sqlite);
        Assert.Contains("immune_composition", sqlite);
        Assert.Contains("sign_in_event", sqlite);
    }

    [PostgresFact]
    public async Task Foreign_key_order_of_the_migrated_schema_puts_every_referenced_table_before_its_referrers()
    {
        await using var test = await TestDatabase.CreateAsync(TestDatabase.PostgreSql);
        await using var database = DermisDatabase.Create(test.Target);
        await new Migrator(database).MigrateAsync();
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var tables = await BackupFormat.ExistingDermisTablesAsync(connection, transaction, DatabaseKind.PostgreSql, CancellationToken.None);
        var order = await PostgresSchema.ForeignKeyOrderAsync(connection, transaction, tables, CancellationToken.None);
        var edges = (await connection.QueryAsync<(string Child, string Parent)>("""
            SELECT child.relname, parent.relname FROM pg_constraint c
            JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid
            WHERE c.contype = 'f'
            """, transaction: transaction)).ToList();

        Assert.Equal(35, order.Count);
        Assert.Equal("account", order[0]);
        Assert.True(edges.Count >= 30, $"only {edges.Count} foreign keys found");
        Assert.All(edges, e => Assert.True(order.IndexOf(e.Parent) < order.IndexOf(e.Child), $"{e.Parent} must come before {e.Child}"));
    }
}
