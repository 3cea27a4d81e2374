using System.Diagnostics;

namespace Dermis.SingleCell.Tests.Hdf5;

/// <summary>
/// A test that runs Debian's python3 + anndata (<c>apt-get install python3-anndata</c>, test.sh does): skipped when they
/// are missing, except in CI (CI=true), where it runs and fails, as the PostgreSQL and browser tests do.
/// </summary>
public sealed class AnndataFactAttribute : FactAttribute
{
    /// <summary>Debian's interpreter, which is where python3-anndata installs (a pyenv python3 on PATH lacks it).</summary>
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> s_available = new(() =>
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import anndata"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
        return process.ExitCode == 0;
    });

    public AnndataFactAttribute()
    {
        var required = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!required && !s_available.Value)
        {
            Skip = $"{Python} with anndata is not installed: run ./test.sh as root, which installs python3-anndata.";
        }
    }
}
