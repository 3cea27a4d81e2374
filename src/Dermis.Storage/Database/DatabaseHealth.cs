using Dapper;

namespace Dermis.Storage.Database;

/// <summary>The result of a real round-trip to the database, as <c>GET /health</c> reports it.</summary>
/// <param name="Engine"><c>sqlite</c> or <c>postgresql</c>.</param>
/// <param name="Target">Where the data lives (file path or host:port/database), never a password.</param>
/// <param name="SchemaVersion">Highest applied migration.</param>
/// <param name="InstallationId">The installation this database belongs to.</param>
/// <param name="RoundTripMilliseconds">Time to get a connection and answer the query.</param>
public sealed record DatabaseHealth(string Engine, string Target, int SchemaVersion, string InstallationId, double RoundTripMilliseconds)
{
    /// <summary>Opens a connection and reads the schema version and installation id.</summary>
    /// <exception cref="DatabaseConfigurationException">The database cannot be reached.</exception>
    public static async Task<DatabaseHealth> ProbeAsync(DermisDatabase database, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(int Version, string InstallationId)>(new CommandDefinition(
            "SELECT (SELECT max(version) FROM schema_version), installation_id FROM installation WHERE id = 1",
            cancellationToken: cancellationToken));
        var elapsed = time.GetElapsedTime(started);
        return new DatabaseHealth(database.EngineName, database.Target.Display, row.Version, row.InstallationId, Math.Round(elapsed.TotalMilliseconds, 2));
    }
}
