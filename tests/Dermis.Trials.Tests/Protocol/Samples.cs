namespace Dermis.Trials.Tests.Protocol;

/// <summary>Finds files of the repository (samples/, docs/) from the test output directory.</summary>
internal static class Samples
{
    public static string PathOf(string fileName) => RepositoryFile(Path.Combine("samples", fileName));

    public static string RepositoryFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}");
    }
}
