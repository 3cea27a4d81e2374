using Dermis.Trials.Randomisation;

namespace Dermis.Trials.Tests.Randomisation;

/// <summary>
/// The published worked example of Altman &amp; Bland, "How to randomise", BMJ 1999;318:1209
/// (docs: shared/reference/trials.md §3.1): the six blocks of four for two arms are numbered
/// 1 AABB, 2 ABAB, 3 ABBA, 4 BBAA, 5 BABA, 6 BAAB, and random digits are read from a table,
/// discarding 0 and 7–9. Digits 1–5 of "5623665611" (5 6 2 3 6) give the paper's five blocks
/// BABA BAAB ABAB ABBA BAAB; the reference's mechanical continuation BAAB BABA BAAB AABB AABB is
/// blocks 6, 5, 6, 1, 1, which are digits 6–10 (6 5 6 1 1) of the same string. Every published digit
/// is in 1–6, so the ten digits give all ten blocks and the string needs no extension; a separate
/// test interleaves 0, 7, 8, 9 to check the discarding.
/// </summary>
public sealed class PermutedBlocksAltmanBlandTests
{
    private const string PublishedDigits = "5623665611";

    private static readonly IReadOnlyList<ArmRatio> Arms = [new("A", 1), new("B", 1)];

    private static readonly IReadOnlyList<IReadOnlyList<string>> TableBlocks =
    [
        ["A", "A", "B", "B"],
        ["A", "B", "A", "B"],
        ["A", "B", "B", "A"],
        ["B", "B", "A", "A"],
        ["B", "A", "B", "A"],
        ["B", "A", "A", "B"],
    ];

    // Digit d → block d: 5 BABA, 6 BAAB, 2 ABAB, 3 ABBA, 6 BAAB | 6 BAAB, 5 BABA, 6 BAAB, 1 AABB, 1 AABB.
    private static readonly string[] ExpectedBlocks = ["BABA", "BAAB", "ABAB", "ABBA", "BAAB", "BAAB", "BABA", "BAAB", "AABB", "AABB"];

    [Fact]
    public void FromBlockList_published_digits_give_the_published_allocation_sequence()
    {
        var scheme = PermutedBlocks.FromBlockList(Arms, TableBlocks);
        var random = ScriptedRandomSource.Digits(PublishedDigits);
        var expected = string.Concat(ExpectedBlocks);
        var state = BlockState.Empty;

        for (var i = 0; i < expected.Length; i++)
        {
            var allocation = scheme.Allocate(state, random);

            // Participant i (0-based) is position i mod 4 + 1 of block i / 4 + 1; a block opens at i mod 4 = 0.
            Assert.Equal((i, expected[i].ToString()), (i, allocation.Arm));
            Assert.Equal((i, i % 4 == 0), (i, allocation.NewBlock));
            Assert.Equal((i, (i / 4) + 1, (i % 4) + 1), (i, allocation.State.BlockNumber, allocation.State.Position));
            Assert.Equal((i, ExpectedBlocks[i / 4]), (i, string.Concat(allocation.State.Block)));
            Assert.Equal((i, i % 4 == 3), (i, allocation.State.Exhausted));
            Assert.Equal((i, (i / 4) + 1L), (i, random.Draws));
            state = allocation.State;
        }

        Assert.True(random.Finished);
    }

    [Fact]
    public void FromBlockList_first_five_blocks_are_the_papers_BABA_BAAB_ABAB_ABBA_BAAB()
    {
        var scheme = PermutedBlocks.FromBlockList(Arms, TableBlocks);
        var random = ScriptedRandomSource.Digits(PublishedDigits);

        var sequence = Allocations(scheme, random, 20);

        // The paper's printed sequence, blocks separated for reading.
        Assert.Equal("BABA BAAB ABAB ABBA BAAB", Grouped(sequence));
        Assert.Equal(5, random.DigitsRead);
    }

    [Fact]
    public void FromBlockList_digits_outside_1_to_6_are_discarded()
    {
        var scheme = PermutedBlocks.FromBlockList(Arms, TableBlocks);

        // The published digits with 0, 7, 8 and 9 interleaved: 5 0 6 2 7 3 8 6 9 6 5 6 0 1 1.
        var random = ScriptedRandomSource.Digits("506273869656011");

        var sequence = Allocations(scheme, random, 40);

        Assert.Equal(string.Join(' ', ExpectedBlocks), Grouped(sequence));
        Assert.Equal(10, random.Draws);
        Assert.Equal(15, random.DigitsRead);
    }

    [Fact]
    public void FromBlockList_block_sizes_are_the_listed_sizes()
    {
        var scheme = PermutedBlocks.FromBlockList(Arms, TableBlocks);

        Assert.Equal([4], scheme.BlockSizes);

        // Altman & Bland: with blocks of four the groups never differ by more than 4 / 2 = 2.
        Assert.Equal(4, scheme.MaximumBlockSize);
    }

    [Fact]
    public void FromBlockList_published_sequence_keeps_arms_within_half_a_block()
    {
        var scheme = PermutedBlocks.FromBlockList(Arms, TableBlocks);
        var random = ScriptedRandomSource.Digits(PublishedDigits);
        var state = BlockState.Empty;
        var (a, b) = (0, 0);

        for (var i = 0; i < 40; i++)
        {
            var allocation = scheme.Allocate(state, random);
            (a, b) = allocation.Arm == "A" ? (a + 1, b) : (a, b + 1);
            Assert.InRange(Math.Abs(a - b), 0, scheme.MaximumBlockSize / 2);
            state = allocation.State;
        }

        Assert.Equal((20, 20), (a, b));
    }

    [Fact]
    public void FromBlockList_copies_the_listed_block_into_the_state()
    {
        var blocks = new List<IReadOnlyList<string>> { new List<string> { "A", "B" } };
        var scheme = PermutedBlocks.FromBlockList(Arms, blocks);

        var allocation = scheme.Allocate(BlockState.Empty, ScriptedRandomSource.Ints(0));

        Assert.NotSame(blocks[0], allocation.State.Block);
        Assert.Equal(["A", "B"], allocation.State.Block);
    }

    [Fact]
    public void FromBlockList_block_with_an_unknown_arm_throws()
    {
        IReadOnlyList<IReadOnlyList<string>> blocks = [["A", "B"], ["A", "C"]];

        var error = Assert.Throws<ArgumentException>(() => PermutedBlocks.FromBlockList(Arms, blocks));

        Assert.Equal("blocks", error.ParamName);
    }

    [Fact]
    public void FromBlockList_empty_list_throws()
    {
        var error = Assert.Throws<ArgumentException>(() => PermutedBlocks.FromBlockList(Arms, []));

        Assert.Equal("blocks", error.ParamName);
    }

    private static string Allocations(PermutedBlocks scheme, RandomSource random, int count)
    {
        var state = BlockState.Empty;
        var arms = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var allocation = scheme.Allocate(state, random);
            arms.Add(allocation.Arm);
            state = allocation.State;
        }

        return string.Concat(arms);
    }

    private static string Grouped(string sequence) => string.Join(' ', sequence.Chunk(4).Select(c => new string(c)));
}
