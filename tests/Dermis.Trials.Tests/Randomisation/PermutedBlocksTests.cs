using Dermis.Trials.Randomisation;

namespace Dermis.Trials.Tests.Randomisation;

/// <summary>
/// Invariants of stratified permuted blocks (shared/reference/trials.md §3.1): within a stratum
/// |n_A − n_B| ≤ b_max / 2 at all times (Altman &amp; Bland 1999), counts exactly in ratio after each
/// complete block, every block a multiple of Σratio holding each arm ratio × m times; and a uniform
/// Fisher–Yates shuffle. Property tests run over seeds 1–200 of <see cref="RandomSource.Seeded"/>.
/// </summary>
public sealed class PermutedBlocksTests
{
    private const int Seeds = 200;
    private const int ParticipantsPerSeed = 150;

    [Fact]
    public void BlockSizes_are_sorted_distinct_multipliers_times_ratio_sum()
    {
        // 1:1 → Σratio 2; multipliers {3, 2, 3} → distinct sorted {2, 3} → sizes 4, 6.
        var oneToOne = new PermutedBlocks([new("A", 1), new("B", 1)], [3, 2, 3]);

        // 2:1 → Σratio 3; multipliers {1, 2} → sizes 3, 6.
        var twoToOne = new PermutedBlocks([new("A", 2), new("B", 1)], [1, 2]);

        Assert.Equal([4, 6], oneToOne.BlockSizes);
        Assert.Equal(6, oneToOne.MaximumBlockSize);
        Assert.Equal([3, 6], twoToOne.BlockSizes);
        Assert.Equal(6, twoToOne.MaximumBlockSize);
    }

    [Fact]
    public void Allocate_one_to_one_sizes_4_and_6_keeps_arms_within_3_and_equal_after_each_block()
    {
        var scheme = new PermutedBlocks([new("A", 1), new("B", 1)], [2, 3]);
        var sizesSeen = new HashSet<int>();

        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = RandomSource.Seeded(seed);
            var state = BlockState.Empty;
            var (a, b) = (0, 0);
            for (var i = 0; i < ParticipantsPerSeed; i++)
            {
                var allocation = scheme.Allocate(state, random);
                state = allocation.State;
                (a, b) = allocation.Arm == "A" ? (a + 1, b) : (a, b + 1);
                sizesSeen.Add(state.Block.Count);

                // MaximumBlockSize 6 → |n_A − n_B| ≤ 3.
                Assert.InRange(Math.Abs(a - b), 0, scheme.MaximumBlockSize / 2);
                if (state.Exhausted)
                {
                    Assert.Equal((seed, i, a), (seed, i, b));
                }
            }
        }

        // Variable block sizes: both sizes are drawn (each with probability 1/2 per block).
        Assert.Equal([4, 6], sizesSeen.Order());
    }

    [Fact]
    public void Allocate_two_to_one_sizes_3_and_6_is_exactly_2_to_1_after_each_block()
    {
        var scheme = new PermutedBlocks([new("A", 2), new("B", 1)], [1, 2]);

        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = RandomSource.Seeded(seed);
            var state = BlockState.Empty;
            var (a, b) = (0, 0);
            for (var i = 0; i < ParticipantsPerSeed; i++)
            {
                var allocation = scheme.Allocate(state, random);
                state = allocation.State;
                (a, b) = allocation.Arm == "A" ? (a + 1, b) : (a, b + 1);

                // Inside a block of 6 (4 A, 2 B) n_A − 2·n_B runs from −2·2 = −4 (BB first) to +4 (AAAA first).
                Assert.InRange(a - (2 * b), -4, 4);
                if (state.Exhausted)
                {
                    Assert.Equal((seed, i, a), (seed, i, 2 * b));
                }
            }
        }
    }

    [Fact]
    public void Allocate_three_arms_sizes_3_and_6_keeps_arms_within_2_and_equal_after_each_block()
    {
        var scheme = new PermutedBlocks([new("A", 1), new("B", 1), new("C", 1)], [1, 2]);

        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = RandomSource.Seeded(seed);
            var state = BlockState.Empty;
            var counts = new Dictionary<string, int> { ["A"] = 0, ["B"] = 0, ["C"] = 0 };
            for (var i = 0; i < ParticipantsPerSeed; i++)
            {
                var allocation = scheme.Allocate(state, random);
                state = allocation.State;
                counts[allocation.Arm]++;

                // Equal at each block boundary, and a block of 6 holds each arm twice: max − min ≤ 2.
                Assert.InRange(counts.Values.Max() - counts.Values.Min(), 0, 2);
                if (state.Exhausted)
                {
                    Assert.Equal((seed, i, 0), (seed, i, counts.Values.Max() - counts.Values.Min()));
                }
            }
        }
    }

    [Theory]
    [InlineData(1, 1, new[] { 2, 3 })]
    [InlineData(2, 1, new[] { 1, 2 })]
    [InlineData(1, 3, new[] { 1, 2, 4 })]
    public void Allocate_each_new_block_holds_each_arm_ratio_times_m(int ratioA, int ratioB, int[] multipliers)
    {
        var scheme = new PermutedBlocks([new("A", ratioA), new("B", ratioB)], multipliers);
        var ratioSum = ratioA + ratioB;

        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = RandomSource.Seeded(seed);
            var state = BlockState.Empty;
            for (var i = 0; i < 60; i++)
            {
                var allocation = scheme.Allocate(state, random);
                state = allocation.State;
                if (!allocation.NewBlock)
                {
                    continue;
                }

                // Block size m · Σratio with m one of the multipliers; A appears ratioA · m times, B ratioB · m.
                var m = state.Block.Count / ratioSum;
                Assert.Equal(0, state.Block.Count % ratioSum);
                Assert.Contains(m, multipliers);
                Assert.Equal(ratioA * m, state.Block.Count(arm => arm == "A"));
                Assert.Equal(ratioB * m, state.Block.Count(arm => arm == "B"));
                Assert.Equal(1, state.Position);
                Assert.Equal(state.Block[0], allocation.Arm);
            }
        }
    }

    [Fact]
    public void Allocate_new_block_increments_block_number_and_continues_the_old_one_otherwise()
    {
        var scheme = new PermutedBlocks([new("A", 1), new("B", 1)], [1]);
        var random = RandomSource.Seeded(5);

        var first = scheme.Allocate(BlockState.Empty, random);
        var second = scheme.Allocate(first.State, random);
        var third = scheme.Allocate(second.State, random);

        // Size-2 blocks: participant 1 opens block 1, participant 2 ends it, participant 3 opens block 2.
        Assert.Equal((true, 1, 1), (first.NewBlock, first.State.BlockNumber, first.State.Position));
        Assert.Equal((false, 1, 2), (second.NewBlock, second.State.BlockNumber, second.State.Position));
        Assert.Same(first.State.Block, second.State.Block);
        Assert.True(second.State.Exhausted);
        Assert.Equal((true, 2, 1), (third.NewBlock, third.State.BlockNumber, third.State.Position));
    }

    [Fact]
    public void Allocate_scripted_swaps_follow_Fisher_Yates_from_the_end()
    {
        // Multiplier 2 → block of 2 · (1 + 1) = 4.
        var scheme = new PermutedBlocks([new("A", 1), new("B", 1)], [2]);

        // Draws: multiplier index NextInt(1) = 0; then i = 3, 2, 1 swap block[i] with block[j].
        // Start AABB. j = 0: swap 3↔0 → BABA; j = 1: swap 2↔1 → BBAA; j = 0: swap 1↔0 → BBAA.
        var random = ScriptedRandomSource.Ints(0, 0, 1, 0);
        var swapped = scheme.Allocate(BlockState.Empty, random);

        // j = i at every step leaves the block as built: AABB.
        var identity = scheme.Allocate(BlockState.Empty, ScriptedRandomSource.Ints(0, 3, 2, 1));

        Assert.Equal("BBAA", string.Concat(swapped.State.Block));
        Assert.Equal(4, random.Draws);
        Assert.True(random.Finished);
        Assert.Equal("AABB", string.Concat(identity.State.Block));
    }

    [Fact]
    public void Allocate_scripted_multiplier_index_picks_from_the_sorted_multipliers()
    {
        // Multipliers {3, 2} sort to [2, 3]; NextInt(2) = 1 → m = 3 → block of 6 built AAABBB.
        // Then j = 0 for i = 5..1: swap 5↔0 → BAABBA; 4↔0 (B,B) and 3↔0 (B,B) change nothing;
        // 2↔0 → AABBBA; 1↔0 (A,A) changes nothing.
        var scheme = new PermutedBlocks([new("A", 1), new("B", 1)], [3, 2]);
        var random = ScriptedRandomSource.Ints(1, 0, 0, 0, 0, 0);

        var allocation = scheme.Allocate(BlockState.Empty, random);

        Assert.Equal("AABBBA", string.Concat(allocation.State.Block));
        Assert.Equal("A", allocation.Arm);
        Assert.Equal(6, random.Draws);
    }

    [Fact]
    public void Allocate_one_to_one_block_of_4_draws_each_of_the_6_orders_uniformly()
    {
        var scheme = new PermutedBlocks([new("A", 1), new("B", 1)], [2]);
        var random = RandomSource.Seeded(1999);
        string[] orders = ["AABB", "ABAB", "ABBA", "BAAB", "BABA", "BBAA"];
        var counts = new int[orders.Length];
        const int N = 60_000;

        for (var i = 0; i < N; i++)
        {
            var block = string.Concat(scheme.Allocate(BlockState.Empty, random).State.Block);
            counts[Array.IndexOf(orders, block)]++;
        }

        // 4! / (2!·2!) = 6 orders, each 1/6: expected 10,000. χ²(5) at α = 0.001 is 20.515.
        // Each count: SD √(60,000 · 1/6 · 5/6) = 91.3, so ±400 is 4.4 SD.
        Assert.InRange(Frequencies.ChiSquare(counts, [.. Enumerable.Repeat(1.0 / 6, 6)]), 0, Frequencies.ChiSquare5DfAt0001);
        Assert.All(counts, c => Assert.InRange(c, 9_600, 10_400));
    }

    [Fact]
    public void Allocate_two_to_one_block_of_3_draws_each_of_the_3_orders_uniformly()
    {
        var scheme = new PermutedBlocks([new("A", 2), new("B", 1)], [1]);
        var random = RandomSource.Seeded(2001);
        string[] orders = ["AAB", "ABA", "BAA"];
        var counts = new int[orders.Length];

        for (var i = 0; i < 30_000; i++)
        {
            var block = string.Concat(scheme.Allocate(BlockState.Empty, random).State.Block);
            counts[Array.IndexOf(orders, block)]++;
        }

        // 3! / 2! = 3 orders, each 1/3 (each is 2 of the 6 equally likely labelled permutations). χ²(2) < 13.816.
        Assert.InRange(Frequencies.ChiSquare(counts, [1.0 / 3, 1.0 / 3, 1.0 / 3]), 0, Frequencies.ChiSquare2DfAt0001);
    }

    [Fact]
    public void Allocate_two_sizes_are_each_chosen_about_half_the_time()
    {
        var scheme = new PermutedBlocks([new("A", 1), new("B", 1)], [2, 3]);
        var random = RandomSource.Seeded(77);
        var fours = 0;
        const int N = 10_000;

        for (var i = 0; i < N; i++)
        {
            fours += scheme.Allocate(BlockState.Empty, random).State.Block.Count == 4 ? 1 : 0;
        }

        // Binomial(10,000, 1/2): SD 50, so 5,000 ± 200 is 4 SD.
        Assert.InRange(fours, 4_800, 5_200);
    }

    [Fact]
    public void PermutedBlocks_fewer_than_two_arms_throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new PermutedBlocks([new("A", 1)], [1]));

        Assert.Equal("arms", error.ParamName);
    }

    [Fact]
    public void PermutedBlocks_ratio_below_1_throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new PermutedBlocks([new("A", 1), new("B", 0)], [1]));

        Assert.Equal("arms", error.ParamName);
    }

    [Fact]
    public void PermutedBlocks_duplicate_arm_throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new PermutedBlocks([new("A", 1), new("A", 1)], [1]));

        Assert.Equal("arms", error.ParamName);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 2, 0 })]
    public void PermutedBlocks_no_multiplier_or_one_below_1_throws(int[] multipliers)
    {
        var error = Assert.Throws<ArgumentException>(() => new PermutedBlocks([new("A", 1), new("B", 1)], multipliers));

        Assert.Equal("blockMultipliers", error.ParamName);
    }
}
