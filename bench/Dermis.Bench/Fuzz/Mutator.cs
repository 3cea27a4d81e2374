using System.Text;

namespace Dermis.Bench.Fuzz;

/// <summary>
/// Mutates valid inputs into hostile ones, deterministically from a seed: byte flips, truncation, random
/// insertions, duplicated and removed lines, hostile scalar values, invalid UTF-8, and (through
/// <see cref="JsonMutator"/>) structure-aware JSON changes. The same seed gives the same sequence of
/// mutations, so a failing case is reproduced from its seed and index.
/// </summary>
internal sealed class Mutator(Random random)
{
    /// <summary>The random source (shared with the callers that pick seeds and targets).</summary>
    public Random Random { get; } = random;

    /// <summary>One to three byte-level mutations of <paramref name="input"/> (never modifies it).</summary>
    public byte[] MutateBytes(ReadOnlySpan<byte> input)
    {
        var bytes = new List<byte>(input.ToArray());
        var rounds = 1 + Random.Next(3);
        for (var r = 0; r < rounds; r++)
        {
            MutateOnce(bytes);
        }

        return [.. bytes];
    }

    /// <summary>A mutated text: line-level, value-level or byte-level (the result may be invalid UTF-8 as bytes).</summary>
    public byte[] MutateText(string text) => Random.Next(10) switch
    {
        < 4 => Encoding.UTF8.GetBytes(MutateLines(text)),
        < 7 => Encoding.UTF8.GetBytes(MutateValue(text)),
        7 => InvalidUtf8(Encoding.UTF8.GetBytes(text)),
        _ => MutateBytes(Encoding.UTF8.GetBytes(text)),
    };

    /// <summary>Lines duplicated, removed, swapped, re-indented or cut (YAML, CSV, TSV, Matrix Market).</summary>
    public string MutateLines(string text)
    {
        var lines = new List<string>(text.Split('\n'));
        var rounds = 1 + Random.Next(3);
        for (var r = 0; r < rounds && lines.Count > 0; r++)
        {
            var i = Random.Next(lines.Count);
            switch (Random.Next(8))
            {
                case 0: lines.RemoveAt(i); break;
                case 1: lines.Insert(i, lines[Random.Next(lines.Count)]); break;
                case 2: (lines[i], lines[^1]) = (lines[^1], lines[i]); break;
                case 3: lines[i] = new string(' ', Random.Next(0, 9)) + lines[i].TrimStart(); break;
                case 4: lines[i] = lines[i][..Random.Next(lines[i].Length + 1)]; break;
                case 5: lines.RemoveRange(i, lines.Count - i); break;
                case 6: lines.Insert(i, HostileValues.Text(Random)); break;
                default:
                    for (var k = Random.Next(2, 200); k > 0; k--)
                    {
                        lines.Insert(i, lines[i]);
                    }

                    break;
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>One scalar-looking token (a run of letters, digits, '.', '-', ':') replaced by a hostile value.</summary>
    public string MutateValue(string text)
    {
        if (text.Length == 0)
        {
            return HostileValues.Text(Random);
        }

        var start = Random.Next(text.Length);
        while (start > 0 && IsToken(text[start - 1]))
        {
            start--;
        }

        var end = start;
        while (end < text.Length && IsToken(text[end]))
        {
            end++;
        }

        var replacement = Random.Next(3) == 0 ? HostileValues.NumberLiteral(Random) : HostileValues.Text(Random);
        return string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(end));
    }

    /// <summary>Bytes that are not UTF-8: a lone continuation byte, an overlong form, a cut sequence or a surrogate encoding.</summary>
    public byte[] InvalidUtf8(byte[] input)
    {
        byte[][] bad = [[0x80], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF, 0xFE], [0xC3]];
        var position = input.Length == 0 ? 0 : Random.Next(input.Length + 1);
        return [.. input.AsSpan(0, position), .. bad[Random.Next(bad.Length)], .. input.AsSpan(position)];
    }

    private void MutateOnce(List<byte> bytes)
    {
        var position = bytes.Count == 0 ? 0 : Random.Next(bytes.Count);
        switch (Random.Next(9))
        {
            case 0 when bytes.Count > 0: bytes[position] ^= (byte)(1 << Random.Next(8)); break;
            case 1 when bytes.Count > 0: bytes[position] = (byte)Random.Next(256); break;
            case 2: bytes.RemoveRange(position, bytes.Count - position); break;
            case 3:
                var insert = new byte[Random.Next(1, 64)];
                Random.NextBytes(insert);
                bytes.InsertRange(position, insert);
                break;
            case 4 when bytes.Count > 0: bytes.RemoveRange(position, Math.Min(bytes.Count - position, Random.Next(1, 256))); break;
            case 5 when bytes.Count > 0:
                // Interesting integers over a field: 0, -1, max and min of the byte and word widths.
                byte[] magic = [0x00, 0xFF, 0x7F, 0x80];
                for (var k = 0; k < 4 && position + k < bytes.Count; k++)
                {
                    bytes[position + k] = magic[Random.Next(magic.Length)];
                }

                break;
            case 6 when bytes.Count > 0:
                var from = Random.Next(bytes.Count);
                var length = Math.Min(bytes.Count - from, Random.Next(1, 512));
                bytes.InsertRange(position, bytes.GetRange(from, length));
                break;
            case 7 when bytes.Count > 0: bytes.RemoveAt(position); break;
            default:
                bytes.InsertRange(position, Encoding.UTF8.GetBytes(HostileValues.Text(Random)));
                break;
        }
    }

    private static bool IsToken(char c) => char.IsLetterOrDigit(c) || c is '.' or '-' or ':' or '_' or '+';
}
