using Dermis.Trials.Randomisation;

namespace Dermis.Trials.Tests.Randomisation;

/// <summary>
/// A <see cref="RandomSource"/> that replays a script, so that every allocation can be checked by hand:
/// scripted integers, scripted unit numbers, or a table of random digits read as Altman &amp; Bland
/// (BMJ 1999;318:1209) read theirs: NextInt(k) takes the next digit d and returns d − 1, discarding
/// digits outside 1–k (and any non-digit, so tables may be written in groups).
/// </summary>
internal sealed class ScriptedRandomSource : RandomSource
{
    private readonly int[] _ints;
    private readonly double[]? _units;
    private readonly string? _digits;
    private int _nextInt;
    private int _nextUnit;
    private int _nextDigit;

    private ScriptedRandomSource(int[] ints, double[]? units, string? digits)
    {
        _ints = ints;
        _units = units;
        _digits = digits;
    }

    /// <summary>Characters of the digit table consumed so far, discarded ones included.</summary>
    public int DigitsRead => _nextDigit;

    /// <summary>True when every scripted value has been used.</summary>
    public bool Finished => _nextInt == _ints.Length && (_units is null || _nextUnit == _units.Length) && (_digits is null || _nextDigit == _digits.Length);

    /// <summary>NextInt returns <paramref name="values"/> in order; NextUnit takes two of them as RandomSource's default does.</summary>
    public static ScriptedRandomSource Ints(params int[] values) => new(values, null, null);

    /// <summary>NextUnit returns <paramref name="values"/> in order; NextInt is not scripted.</summary>
    public static ScriptedRandomSource Units(params double[] values) => new([], values, null);

    /// <summary>NextInt(k) reads the table: next digit d in 1..k gives d − 1; other characters are skipped.</summary>
    public static ScriptedRandomSource Digits(string digits) => new([], null, digits);

    /// <inheritdoc/>
    protected override int NextIntCore(int maxExclusive)
    {
        if (_digits is not null)
        {
            return NextDigit(_digits, maxExclusive);
        }

        if (_nextInt == _ints.Length)
        {
            throw new InvalidOperationException($"The script has no integer left for NextInt({maxExclusive}) (draw {Draws}).");
        }

        var value = _ints[_nextInt++];
        if (value < 0 || value >= maxExclusive)
        {
            throw new InvalidOperationException($"Scripted integer {value} (script position {_nextInt - 1}) is outside [0, {maxExclusive}).");
        }

        return value;
    }

    /// <inheritdoc/>
    protected override double NextUnitCore()
    {
        if (_units is null)
        {
            return base.NextUnitCore();
        }

        if (_nextUnit == _units.Length)
        {
            throw new InvalidOperationException($"The script has no unit number left for NextUnit (draw {Draws}).");
        }

        var value = _units[_nextUnit++];
        if (value is < 0 or >= 1)
        {
            throw new InvalidOperationException($"Scripted unit number {value} (script position {_nextUnit - 1}) is outside [0, 1).");
        }

        return value;
    }

    private int NextDigit(string digits, int maxExclusive)
    {
        if (maxExclusive > 9)
        {
            throw new InvalidOperationException($"A table of single digits cannot give NextInt({maxExclusive}): 9 is the most.");
        }

        while (_nextDigit < digits.Length)
        {
            var digit = digits[_nextDigit++] - '0';
            if (digit >= 1 && digit <= maxExclusive)
            {
                return digit - 1;
            }
        }

        throw new InvalidOperationException($"The digit table ran out after {digits.Length} characters (draw {Draws}).");
    }
}
