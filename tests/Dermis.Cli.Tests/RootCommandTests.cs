namespace Dermis.Cli.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public async Task Version_prints_the_product_version()
    {
        var run = await CliRun.RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(typeof(DermisCommand).Assembly.GetName().Version!.ToString(3) + "\n", run.Output);
    }

    [Fact]
    public async Task Help_lists_the_verbs()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"\n  serve\s+Run the Dermis server", run.Output);
        Assert.Matches(@"\n  db\s+Inspect and migrate the database", run.Output);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("db", "migrate", "--colour", "blue")]
    [InlineData("serve", "--log-format", "xml")]
    public async Task Unknown_verb_option_or_value_exits_2_with_a_usage_hint(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("dermis: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", run.Error, StringComparison.Ordinal);
        Assert.False(run.ShowsStackTrace);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("ftp://127.0.0.1:21")]
    public async Task Serve_with_a_bad_listen_address_exits_2_naming_it(string urls)
    {
        var run = await CliRun.RunAsync("serve", "--urls", urls);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"dermis: --urls value '{urls}' is not a listen address; expected http://host:port (e.g. http://127.0.0.1:5080), several separated by ';'.\n", run.Error);
    }
}
