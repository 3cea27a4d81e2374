using System.Globalization;
using System.Text.RegularExpressions;
using Dermis.Storage.Database;

namespace Dermis.Storage.Migrations;

/// <summary>The migration files embedded in this assembly, one folder per engine.</summary>
public static partial class MigrationCatalog
{
    /// <summary>The migrations for <paramref name="kind"/>, in ascending version order.</summary>
    public static IReadOnlyList<Migration> For(DatabaseKind kind)
    {
        var folder = kind switch
        {
            DatabaseKind.Sqlite => "Sqlite",
            DatabaseKind.PostgreSql => "PostgreSql",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown database kind."),
        };
        var prefix = $"Dermis.Storage.Migrations.{folder}/";
        var assembly = typeof(MigrationCatalog).Assembly;

        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[prefix.Length..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Migration file '{folder}/{fileName}' is misnamed; use NNNN_lower_case_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException(
                    $"Two {folder} migrations share version {migrations[i].Version}: {migrations[i - 1].FileName} and {migrations[i].FileName}.");
            }
        }

        return migrations;
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
