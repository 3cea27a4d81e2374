namespace Dermis.Trials.Randomisation;

/// <summary>The block in use in one stratum and how far it has been allocated.</summary>
/// <param name="Block">Arms in allocation order; empty before the first allocation.</param>
/// <param name="Position">Allocations already taken from <paramref name="Block"/>.</param>
/// <param name="BlockNumber">Blocks drawn in this stratum so far.</param>
public sealed record BlockState(IReadOnlyList<string> Block, int Position, int BlockNumber)
{
    /// <summary>A stratum before its first participant.</summary>
    public static BlockState Empty { get; } = new([], 0, 0);

    /// <summary>True when the next allocation needs a new block.</summary>
    public bool Exhausted => Position >= Block.Count;
}

/// <summary>One permuted-block allocation and what produced it.</summary>
/// <param name="Arm">The arm allocated.</param>
/// <param name="State">The stratum's state after it.</param>
/// <param name="NewBlock">True when this allocation opened a new block (whose content <paramref name="State"/> holds).</param>
public sealed record BlockAllocation(string Arm, BlockState State, bool NewBlock);

/// <summary>
/// Stratified permuted-block randomisation (Altman &amp; Bland, BMJ 1999;318:1209): each stratum
/// allocates from a block holding every arm ratio × m times, in random order; when the block is used
/// up a new one is drawn, of a size chosen at random from the allowed sizes (variable blocks, so the
/// site cannot guess the last allocations of a block). Within a stratum the arms never differ by more
/// than half the largest block, and after each complete block they are exactly in ratio.
/// </summary>
public sealed class PermutedBlocks
{
    private readonly IReadOnlyList<ArmRatio> _arms;
    private readonly List<int> _multipliers;
    private readonly IReadOnlyList<IReadOnlyList<string>>? _blockList;

    /// <summary>A scheme over <paramref name="arms"/> with blocks of size m × Σratio for each m in <paramref name="blockMultipliers"/>.</summary>
    /// <exception cref="ArgumentException">No arms, a ratio below 1, or a multiplier below 1.</exception>
    public PermutedBlocks(IReadOnlyList<ArmRatio> arms, IReadOnlyList<int> blockMultipliers)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(blockMultipliers);
        if (arms.Count < 2 || arms.Any(a => a.Ratio < 1) || arms.Select(a => a.Arm).Distinct().Count() != arms.Count)
        {
            throw new ArgumentException("Permuted blocks need two or more distinct arms, each with a ratio of 1 or more.", nameof(arms));
        }

        if (blockMultipliers.Count == 0 || blockMultipliers.Any(m => m < 1))
        {
            throw new ArgumentException($"Block sizes are multiples of the ratio sum {arms.Sum(a => a.Ratio)}: give multipliers of 1 or more.", nameof(blockMultipliers));
        }

        _arms = arms;
        _multipliers = blockMultipliers.Distinct().Order().ToList();
    }

    private PermutedBlocks(IReadOnlyList<ArmRatio> arms, IReadOnlyList<IReadOnlyList<string>> blockList)
    {
        _arms = arms;
        _multipliers = [];
        _blockList = blockList;
    }

    /// <summary>
    /// A scheme that draws whole blocks from an enumerated list, as in the published tables of
    /// Altman &amp; Bland (1 AABB, 2 ABAB, 3 ABBA, 4 BBAA, 5 BABA, 6 BAAB): each new block is list
    /// entry <see cref="RandomSource.NextInt"/>(count).
    /// </summary>
    public static PermutedBlocks FromBlockList(IReadOnlyList<ArmRatio> arms, IReadOnlyList<IReadOnlyList<string>> blocks)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count == 0 || blocks.Any(b => b.Count == 0 || b.Any(arm => !arms.Any(a => a.Arm == arm))))
        {
            throw new ArgumentException("Every listed block must be non-empty and hold only the scheme's arms.", nameof(blocks));
        }

        var ratioSum = arms.Sum(a => a.Ratio);
        foreach (var block in blocks)
        {
            // A block is admissible only if it is m whole copies of the allocation ratio.
            var m = block.Count / ratioSum;
            if (block.Count % ratioSum != 0 || arms.Any(a => block.Count(arm => arm == a.Arm) != a.Ratio * m))
            {
                throw new ArgumentException($"Block {string.Join("", block)} is not in the allocation ratio {string.Join(":", arms.Select(a => a.Ratio))}.", nameof(blocks));
            }
        }

        return new PermutedBlocks(arms, blocks);
    }

    /// <summary>The block sizes this scheme draws from.</summary>
    public IReadOnlyList<int> BlockSizes => _blockList is null ? _multipliers.Select(m => m * _arms.Sum(a => a.Ratio)).ToList() : _blockList.Select(b => b.Count).Distinct().ToList();

    /// <summary>The largest block size: within a stratum, two arms never differ by more than half of it (1:1).</summary>
    public int MaximumBlockSize => BlockSizes.Max();

    /// <summary>Allocates the next participant of a stratum in <paramref name="state"/>.</summary>
    public BlockAllocation Allocate(BlockState state, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(random);
        var newBlock = state.Exhausted;
        var current = newBlock ? new BlockState(DrawBlock(random), 0, state.BlockNumber + 1) : state;
        var arm = current.Block[current.Position];
        return new BlockAllocation(arm, current with { Position = current.Position + 1 }, newBlock);
    }

    private List<string> DrawBlock(RandomSource random)
    {
        if (_blockList is not null)
        {
            return [.. _blockList[random.NextInt(_blockList.Count)]];
        }

        var multiplier = _multipliers[random.NextInt(_multipliers.Count)];
        var block = new List<string>();
        foreach (var arm in _arms)
        {
            for (var i = 0; i < arm.Ratio * multiplier; i++)
            {
                block.Add(arm.Arm);
            }
        }

        // Fisher–Yates: every distinct order of the block's multiset is equally likely.
        for (var i = block.Count - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (block[i], block[j]) = (block[j], block[i]);
        }

        return block;
    }
}
