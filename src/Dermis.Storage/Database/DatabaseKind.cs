namespace Dermis.Storage.Database;

/// <summary>The database engines Dermis stores its data in; both hold the same schema.</summary>
public enum DatabaseKind
{
    /// <summary>An embedded SQLite file (the default for one machine).</summary>
    Sqlite,

    /// <summary>A PostgreSQL 15+ server (the production system of record).</summary>
    PostgreSql,
}
