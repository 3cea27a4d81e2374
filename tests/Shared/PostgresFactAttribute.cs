namespace Dermis.Testing;

/// <summary>
/// A test that needs the PostgreSQL cluster for tests: skipped (visibly, in the summary) when
/// DERMIS_TEST_POSTGRES is not set, except in CI (CI=true), where it runs and fails.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresAdminConnectionString is null && !TestDatabase.PostgresRequired)
        {
            Skip = "PostgreSQL is not configured: set DERMIS_TEST_POSTGRES or run ./test.sh, which starts a throw-away cluster.";
        }
    }
}
