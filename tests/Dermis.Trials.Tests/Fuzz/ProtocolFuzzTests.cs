using System.Text;
using Dermis.Bench.Fuzz;
using Dermis.Trials.Protocol;

namespace Dermis.Trials.Tests.Fuzz;

/// <summary>
/// Protocol YAML fuzzing in CI (docs/fuzzing.md): mutated samples/*.yaml either parse or are refused with a
/// ProtocolException naming file, line and column; never another exception, never a hang.
/// </summary>
public sealed class ProtocolFuzzTests
{
    private const int Seed = 20261122;

    [Fact]
    public void Protocol_fuzz_3000_mutated_files_parse_or_are_refused_with_file_line_and_column()
    {
        var tally = ProtocolFuzzer.Run(RepositoryFiles.SampleProtocols(), 3000, Seed);

        Assert.True(tally.Failed == 0, $"reproduce with: dotnet run -c Release --project bench/Dermis.Bench -- fuzz --target protocol --seed {Seed} --cases 3000\n{tally.Report()}");
        Assert.Equal(3000, tally.Cases);
        Assert.Equal(3000, tally.Count(FuzzOutcome.Accepted) + tally.Count(FuzzOutcome.Refused));
        // The mutations reach both sides: some files stay valid (a changed label), most break a rule.
        Assert.InRange(tally.Count(FuzzOutcome.Refused), 1500, 2900);
    }

    [Fact]
    public void Protocol_fuzz_seed_1_replayed_to_case_2903_the_YamlDotNet_ArgumentException_is_a_ProtocolException()
    {
        // Case 2903 of seed 1 made YamlStream.Load throw ArgumentException ("The current event is of an unsupported type").
        var tally = ProtocolFuzzer.Run(RepositoryFiles.SampleProtocols(), 2904, 1);

        Assert.True(tally.Failed == 0, tally.Report());
        Assert.Equal(2904, tally.Count(FuzzOutcome.Accepted) + tally.Count(FuzzOutcome.Refused));
    }

    [Fact]
    public void Protocol_nested_5000_levels_deep_is_refused_at_the_65th_level_not_a_stack_overflow()
    {
        // Root mapping = level 1; the n-th '[' opens level n + 1, so the 64th '[' (column 4 + 63) opens level 65.
        var yaml = "x: " + new string('[', 5000) + new string(']', 5000) + "\n";

        var error = Assert.Throws<ProtocolException>(() => ProtocolParser.Parse(yaml, "deep.yaml"));

        Assert.Equal((1, 67), (error.Line, error.Column));
        Assert.Equal("deep.yaml:1:67: YAML nested more than 64 levels deep; a protocol needs far fewer (docs/protocol.md)", error.Message);
    }

    [Fact]
    public void Mutator_same_seed_gives_the_same_cases_and_another_seed_other_cases()
    {
        var text = "study:\n  id: DERM-T-201\n  name: Fuzz\n";
        static List<string> Cases(int seed, string text)
        {
            var mutator = new Mutator(new Random(seed));
            return [.. Enumerable.Range(0, 200).Select(_ => Convert.ToHexString(mutator.MutateText(text)))];
        }

        var first = Cases(7, text);

        Assert.Equal(first, Cases(7, text));
        Assert.NotEqual(first, Cases(8, text));
        // A mutation can undo itself (a line swapped with itself, a cut at the end), but rarely: at most 1 case in 10.
        Assert.InRange(first.Count(c => c == Convert.ToHexString(Encoding.UTF8.GetBytes(text))), 0, 20);
    }
}
