namespace Dermis.Bench.Fuzz;

/// <summary>The repository's files that seed the fuzzers (samples/*.yaml, tests/data/*), found from the working or build folder.</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository root: the first folder above the working folder or the build output that holds Dermis.sln.</summary>
    public static string Root { get; } = Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException($"Dermis.sln not found above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; run from the repository.");

    /// <summary>A path under the repository root, e.g. <c>PathOf("samples", "ad-phase3.yaml")</c>.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The protocol files of samples/ (the fuzz seeds for protocol YAML).</summary>
    public static IReadOnlyList<string> SampleProtocols() =>
        [.. Directory.GetFiles(PathOf("samples"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static string? Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Dermis.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
