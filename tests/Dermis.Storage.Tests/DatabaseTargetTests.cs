using Dermis.Storage.Database;
using Npgsql;

namespace Dermis.Storage.Tests;

public sealed class DatabaseTargetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dermis-target-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Parse_no_value_uses_sqlite_file_under_data_and_creates_the_folder()
    {
        var target = DatabaseTarget.Parse(null, _folder);

        Assert.Equal(DatabaseKind.Sqlite, target.Kind);
        Assert.Equal(Path.Combine(_folder, "data", "dermis.db"), target.Display);
        Assert.True(Directory.Exists(Path.Combine(_folder, "data")));
    }

    [Fact]
    public void Parse_relative_path_resolves_against_working_folder()
    {
        var target = DatabaseTarget.Parse("trial.db", _folder);

        Assert.Equal(DatabaseKind.Sqlite, target.Kind);
        Assert.Equal(Path.Combine(_folder, "trial.db"), target.Display);
    }

    [Fact]
    public void Parse_sqlite_connection_string_keeps_its_options()
    {
        var target = DatabaseTarget.Parse("Data Source=trial.db;Cache=Shared", _folder);

        Assert.Equal(DatabaseKind.Sqlite, target.Kind);
        Assert.Equal(Path.Combine(_folder, "trial.db"), target.Display);
        Assert.Contains("Cache=Shared", target.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_postgres_connection_string_displays_host_port_database_without_password()
    {
        var target = DatabaseTarget.Parse("Host=db.example.org;Port=5433;Database=trial;Username=dermis;Password=s3cret", _folder);

        Assert.Equal(DatabaseKind.PostgreSql, target.Kind);
        Assert.Equal("db.example.org:5433/trial", target.Display);
        Assert.Equal("s3cret", new NpgsqlConnectionStringBuilder(target.ConnectionString).Password);
    }

    [Fact]
    public void Parse_postgres_url_maps_every_part()
    {
        var target = DatabaseTarget.Parse("postgresql://dermis:p%40ss@db.example.org:6543/trial?sslmode=disable", _folder);

        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(DatabaseKind.PostgreSql, target.Kind);
        Assert.Equal("db.example.org", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("trial", builder.Database);
        Assert.Equal("dermis", builder.Username);
        Assert.Equal("p@ss", builder.Password);
        Assert.Equal(SslMode.Disable, builder.SslMode);
        Assert.Equal("db.example.org:6543/trial", target.Display);
    }

    [Theory]
    [InlineData("foo=bar", "names neither a PostgreSQL 'Host' nor a SQLite 'Data Source'")]
    [InlineData("Host=db;Colour=blue", "PostgreSQL rejects it")]
    [InlineData("Host=db;Port=eighty", "PostgreSQL rejects it")]
    [InlineData("Data Source=x.db;Flavour=mint", "SQLite rejects it")]
    [InlineData("/no/such/folder/dermis.db", "the folder '/no/such/folder' does not exist")]
    [InlineData(":memory:", "in-memory")]
    [InlineData("postgresql://", "not a valid URL")]
    [InlineData("postgresql://db/trial?colour=blue", "the URL option 'colour'")]
    public void Parse_unusable_value_names_the_value_the_reason_and_the_accepted_forms(string value, string reason)
    {
        var error = Assert.Throws<DatabaseConfigurationException>(() => DatabaseTarget.Parse(value, _folder));

        Assert.StartsWith($"--db value '{value}' cannot be used: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(DatabaseTarget.AcceptedForms, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_folder_instead_of_file_suggests_a_file_inside_it()
    {
        var error = Assert.Throws<DatabaseConfigurationException>(() => DatabaseTarget.Parse(_folder, _folder));

        Assert.Contains($"it is a folder; name the database file inside it, e.g. {Path.Combine(_folder, "dermis.db")}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_error_never_echoes_a_password()
    {
        var fromString = Assert.Throws<DatabaseConfigurationException>(() => DatabaseTarget.Parse("Server=db;Password=hunter2;Colour=blue", _folder));
        var fromUrl = Assert.Throws<DatabaseConfigurationException>(() => DatabaseTarget.Parse("postgresql://me:hunter2@db/x?colour=blue", _folder));

        Assert.DoesNotContain("hunter2", fromString.Message, StringComparison.Ordinal);
        Assert.Contains("Password=***", fromString.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", fromUrl.Message, StringComparison.Ordinal);
        Assert.Contains("postgresql://me:***@db/x", fromUrl.Message, StringComparison.Ordinal);
    }
}
