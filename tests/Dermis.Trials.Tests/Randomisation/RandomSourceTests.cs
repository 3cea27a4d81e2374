using Dermis.Trials.Randomisation;

namespace Dermis.Trials.Tests.Randomisation;

public sealed class RandomSourceTests
{
    [Fact]
    public void Draws_counts_each_NextInt_and_NextUnit_call_once()
    {
        var random = RandomSource.Seeded(7);

        random.NextInt(6);
        random.NextInt(2);
        random.NextUnit();
        random.NextInt(100);
        random.NextUnit();

        // 3 NextInt + 2 NextUnit calls.
        Assert.Equal(5, random.Draws);
    }

    [Fact]
    public void Draws_counts_one_digit_table_draw_however_many_digits_it_discards()
    {
        // "0789" are outside 1–6 and skipped; "3" gives 3 − 1 = 2.
        var random = ScriptedRandomSource.Digits("07893");

        Assert.Equal(2, random.NextInt(6));
        Assert.Equal(1, random.Draws);
        Assert.Equal(5, random.DigitsRead);
    }

    [Fact]
    public void NextInt_below_1_throws_and_counts_no_draw()
    {
        var random = RandomSource.Seeded(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt(-3));
        Assert.Equal(0, random.Draws);
    }

    [Fact]
    public void NextInt_of_1_is_always_0()
    {
        var random = RandomSource.Seeded(3);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(0, random.NextInt(1));
        }
    }

    [Fact]
    public void Seeded_same_seed_replays_the_same_interleaved_stream()
    {
        var first = RandomSource.Seeded(239);
        var second = RandomSource.Seeded(239);

        for (var i = 0; i < 1_000; i++)
        {
            Assert.Equal(first.NextInt(i + 1), second.NextInt(i + 1));
            Assert.Equal(first.NextUnit(), second.NextUnit());
        }

        Assert.Equal(first.Draws, second.Draws);
    }

    [Fact]
    public void Seeded_matches_System_Random_with_the_same_seed()
    {
        // RandomSource.Seeded wraps new Random(seed): Next(max) and NextDouble() in call order.
        var random = RandomSource.Seeded(2024);
        var reference = new Random(2024);

        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(reference.Next(10), random.NextInt(10));
            Assert.Equal(reference.NextDouble(), random.NextUnit());
        }
    }

    [Fact]
    public void Seeded_different_seeds_give_different_streams()
    {
        var first = RandomSource.Seeded(1);
        var second = RandomSource.Seeded(2);

        // Two independent streams of 50 draws from 1,000,000 values coincide with probability 10⁻³⁰⁰.
        var same = Enumerable.Range(0, 50).All(_ => first.NextInt(1_000_000) == second.NextInt(1_000_000));

        Assert.False(same);
    }

    [Fact]
    public void Seeded_values_stay_in_range()
    {
        var random = RandomSource.Seeded(11);

        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(random.NextInt(7), 0, 6);
            Assert.InRange(random.NextUnit(), 0.0, Math.BitDecrement(1.0));
        }
    }

    [Fact]
    public void Cryptographic_values_stay_in_range_and_are_counted()
    {
        var random = RandomSource.Cryptographic();
        var seen = new bool[7];

        for (var i = 0; i < 2_000; i++)
        {
            var value = random.NextInt(7);
            Assert.InRange(value, 0, 6);
            seen[value] = true;
            Assert.InRange(random.NextUnit(), 0.0, Math.BitDecrement(1.0));
        }

        // P(some value of 7 never appears in 2,000 draws) ≤ 7 · (6/7)²⁰⁰⁰ ≈ 10⁻¹³³.
        Assert.All(seen, Assert.True);
        Assert.Equal(4_000, random.Draws);
    }

    [Fact]
    public void Cryptographic_unit_numbers_average_one_half()
    {
        var random = RandomSource.Cryptographic();
        var sum = 0.0;
        const int N = 20_000;

        for (var i = 0; i < N; i++)
        {
            sum += random.NextUnit();
        }

        // Uniform [0, 1): mean 1/2, SD of the mean √(1/12 / 20,000) = 0.00204; ±0.012 is about 5.9 SD.
        Assert.InRange(sum / N, 0.488, 0.512);
    }

    [Fact]
    public void NextUnit_default_combines_two_integer_draws_into_53_bits()
    {
        // Base NextUnitCore: (hi · 2²⁷ + lo) · 2⁻⁵³ with hi from NextIntCore(2²⁶), lo from NextIntCore(2²⁷).
        // hi = 2²⁵, lo = 0 → 2⁵² · 2⁻⁵³ = 0.5; hi = 2²⁶ − 1, lo = 2²⁷ − 1 → (2⁵³ − 1) · 2⁻⁵³ = 1 − 2⁻⁵³.
        var random = ScriptedRandomSource.Ints(1 << 25, 0, (1 << 26) - 1, (1 << 27) - 1);

        Assert.Equal(0.5, random.NextUnit());
        Assert.Equal(Math.BitDecrement(1.0), random.NextUnit());
        Assert.Equal(2, random.Draws);
    }
}
