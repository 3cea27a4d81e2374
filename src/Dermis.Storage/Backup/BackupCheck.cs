namespace Dermis.Storage.Backup;

/// <summary>The checks both engines' restores make on what they wrote, and the refusal of a target that holds data.</summary>
internal static class BackupCheck
{
    /// <summary>Throws <see cref="BackupProblem.CheckFailed"/> unless the restored schema version, table set and row counts are the manifest's.</summary>
    public static void SameAsManifest(BackupManifest manifest, int schemaVersion, IReadOnlyDictionary<string, long> rowsByTable)
    {
        if (schemaVersion != manifest.SchemaVersion)
        {
            throw Failed($"the restored database is at schema version {schemaVersion}, the manifest says {manifest.SchemaVersion}");
        }

        var expected = manifest.Tables.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        var actual = rowsByTable.Keys.Order(StringComparer.Ordinal).ToList();
        if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            throw Failed($"the restored database has the tables [{string.Join(", ", actual)}], the manifest [{string.Join(", ", expected)}]");
        }

        foreach (var table in manifest.Tables)
        {
            if (rowsByTable[table.Name] != table.Rows)
            {
                throw Failed($"table {table.Name} holds {rowsByTable[table.Name]} rows after the restore, the manifest {table.Rows}");
            }
        }
    }

    /// <summary>The refusal of a target that already holds Dermis tables when no force was given.</summary>
    public static BackupException NotEmpty(int tables, long studies) => new(
        BackupProblem.TargetNotEmpty,
        $"it already holds a Dermis database ({tables} Dermis tables, {studies} studies); nothing was changed. " +
        "Restore into a new, empty database, or add --force to replace it (back it up first: its data is lost)");

    private static BackupException Failed(string why) =>
        new(BackupProblem.CheckFailed, $"the restore was checked and refused: {why}. Nothing was replaced");
}
