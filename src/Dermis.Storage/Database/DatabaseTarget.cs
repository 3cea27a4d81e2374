using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dermis.Storage.Database;

/// <summary>
/// Which database Dermis runs on, parsed from the one <c>--db</c> value a user types: a SQLite
/// file path, a SQLite or PostgreSQL connection string, or a <c>postgresql://</c> URL.
/// </summary>
/// <param name="Kind">The engine.</param>
/// <param name="ConnectionString">The full ADO.NET connection string, password included.</param>
/// <param name="Display">Where the data lives, safe to print and log (never a password).</param>
public sealed partial record DatabaseTarget(DatabaseKind Kind, string ConnectionString, string Display)
{
    /// <summary>The SQLite file used when no <c>--db</c> is given, relative to the working folder.</summary>
    public const string DefaultSqliteFile = "data/dermis.db";

    /// <summary>The forms <see cref="Parse"/> accepts, for error messages and help text.</summary>
    public const string AcceptedForms =
        "--db accepts: a SQLite file path (e.g. ./data/dermis.db; created if missing, its folder must exist), " +
        "a SQLite connection string (\"Data Source=./trial.db\"), " +
        "a PostgreSQL connection string (\"Host=db.example.org;Port=5432;Database=dermis;Username=dermis;Password=...\") " +
        "or a PostgreSQL URL (postgresql://dermis:secret@db.example.org:5432/dermis).";

    /// <summary>
    /// Parses a <c>--db</c> value. <see langword="null"/> or blank means the embedded default,
    /// <see cref="DefaultSqliteFile"/> under <paramref name="workingDirectory"/>, whose folder is created.
    /// </summary>
    /// <exception cref="DatabaseConfigurationException">The value is none of the accepted forms; the message names it.</exception>
    public static DatabaseTarget Parse(string? value, string workingDirectory)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            var path = Path.GetFullPath(Path.Combine(workingDirectory, DefaultSqliteFile));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return ForSqliteFile(path);
        }

        value = value.Trim();
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
            value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromPostgresUrl(value);
        }

        return value.Contains('=', StringComparison.Ordinal)
            ? FromConnectionString(value, workingDirectory)
            : FromSqlitePath(value, workingDirectory);
    }

    private static DatabaseTarget FromSqlitePath(string value, string workingDirectory)
    {
        if (value == ":memory:")
        {
            throw Invalid(value, "an in-memory SQLite database would lose every record at shutdown");
        }

        string path;
        try
        {
            path = Path.GetFullPath(value, workingDirectory);
        }
        catch (ArgumentException)
        {
            throw Invalid(value, "it is not a valid file path");
        }

        if (Directory.Exists(path))
        {
            throw Invalid(value, "it is a folder; name the database file inside it, e.g. " + Path.Combine(value, "dermis.db"));
        }

        var folder = Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder))
        {
            throw Invalid(value, $"the folder '{folder}' does not exist");
        }

        return ForSqliteFile(path);
    }

    private static DatabaseTarget FromConnectionString(string value, string workingDirectory)
    {
        var keys = new DbConnectionStringBuilder();
        try
        {
            keys.ConnectionString = value;
        }
        catch (ArgumentException)
        {
            throw Invalid(value, "it is not a well-formed connection string (key=value pairs separated by ';')");
        }

        if (keys.ContainsKey("Host") || keys.ContainsKey("Server"))
        {
            NpgsqlConnectionStringBuilder postgres;
            try
            {
                postgres = new NpgsqlConnectionStringBuilder(value);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                throw Invalid(value, "PostgreSQL rejects it: " + e.Message);
            }

            return ForPostgres(postgres, value);
        }

        if (keys.ContainsKey("Data Source") || keys.ContainsKey("DataSource") || keys.ContainsKey("Filename"))
        {
            SqliteConnectionStringBuilder sqlite;
            try
            {
                sqlite = new SqliteConnectionStringBuilder(value);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                throw Invalid(value, "SQLite rejects it: " + e.Message);
            }

            var target = FromSqlitePath(sqlite.DataSource, workingDirectory);
            sqlite.DataSource = target.Display;
            return target with { ConnectionString = sqlite.ConnectionString };
        }

        throw Invalid(value, "it names neither a PostgreSQL 'Host' nor a SQLite 'Data Source'");
    }

    private static DatabaseTarget FromPostgresUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
        {
            throw Invalid(value, "it is not a valid URL of the form postgresql://user:password@host:port/database");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = url.Host };
        if (!url.IsDefaultPort && url.Port > 0)
        {
            builder.Port = url.Port;
        }

        var userInfo = url.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        var database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]).Replace("sslmode", "SSL Mode", StringComparison.OrdinalIgnoreCase);
            try
            {
                builder[key] = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "true";
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                throw Invalid(value, $"the URL option '{parts[0]}' is not one PostgreSQL accepts: " + e.Message);
            }
        }

        return ForPostgres(builder, value);
    }

    private static DatabaseTarget ForSqliteFile(string fullPath)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        };
        return new DatabaseTarget(DatabaseKind.Sqlite, builder.ConnectionString, fullPath);
    }

    private static DatabaseTarget ForPostgres(NpgsqlConnectionStringBuilder builder, string original)
    {
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw Invalid(original, "'Host' is empty");
        }

        var database = builder.Database ?? builder.Username ?? "postgres";
        var display = $"{builder.Host}:{builder.Port}/{database}";
        return new DatabaseTarget(DatabaseKind.PostgreSql, builder.ConnectionString, display);
    }

    private static DatabaseConfigurationException Invalid(string value, string why) =>
        new($"--db value '{Redact(value)}' cannot be used: {why}. {AcceptedForms}");

    /// <summary>Hides passwords in a <c>--db</c> value so that it can be echoed in messages and logs.</summary>
    public static string Redact(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var redacted = PasswordPair().Replace(value, "$1=***");
        return UrlPassword().Replace(redacted, "$1:***@");
    }

    [GeneratedRegex(@"\b(password|pwd)\s*=\s*[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordPair();

    [GeneratedRegex(@"(://[^:/@]+):[^@]*@")]
    private static partial Regex UrlPassword();
}
