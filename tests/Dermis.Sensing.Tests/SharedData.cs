namespace Dermis.Sensing.Tests;

/// <summary>Paths of the public test data copied into tests/data (see tests/data/README.md and each folder's README).</summary>
internal static class SharedData
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../tests/data"));

    /// <summary>A file under tests/data, e.g. <c>PathOf("skdh-testvectors", "io", "gnactv_sample.bin")</c>.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
