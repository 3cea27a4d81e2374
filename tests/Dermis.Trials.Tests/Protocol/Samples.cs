namespace Dermis.Trials.Tests.Protocol;

/// <summary>Finds the repository's samples/ folder from the test output directory.</summary>
internal static class Samples
{
    public static string PathOf(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"samples/{fileName} not found above {AppContext.BaseDirectory}");
    }
}
