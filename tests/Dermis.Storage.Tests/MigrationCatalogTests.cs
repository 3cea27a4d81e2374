using Dermis.Storage.Database;
using Dermis.Storage.Migrations;

namespace Dermis.Storage.Tests;

public sealed class MigrationCatalogTests
{
    [Fact]
    public void Catalogs_of_both_engines_have_the_same_migrations()
    {
        var sqlite = MigrationCatalog.For(DatabaseKind.Sqlite);
        var postgres = MigrationCatalog.For(DatabaseKind.PostgreSql);

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite.Select(m => m.FileName), postgres.Select(m => m.FileName));
        Assert.Equal(Enumerable.Range(1, sqlite.Count), sqlite.Select(m => m.Version));
        Assert.Equal("0001_installation.sql", sqlite[0].FileName);
    }

    [Fact]
    public void Checksum_is_sha256_of_the_text_with_lf_line_endings()
    {
        // sha256sum of the bytes "SELECT 1;\n", computed with coreutils.
        const string Expected = "b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd";

        Assert.Equal(Expected, new Migration(1, "x", "SELECT 1;\n").Checksum);
        Assert.Equal(Expected, new Migration(1, "x", "SELECT 1;\r\n").Checksum);
        Assert.NotEqual(Expected, new Migration(1, "x", "SELECT 2;\n").Checksum);
    }
}
