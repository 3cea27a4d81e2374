namespace Dermis.E2E;

/// <summary>
/// A browser test: skipped (visibly, in the summary) when Chromium is not installed, except in CI
/// (CI=true), where it runs and fails, as the PostgreSQL tests do.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        var required = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(BrowserHost.ChromiumPath) && !required)
        {
            Skip = $"Chromium is not installed at {BrowserHost.ChromiumPath}: run ./test.sh as root, which installs it.";
        }
    }
}
