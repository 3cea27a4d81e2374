namespace Dermis.Server.Web.Charts;

/// <summary>
/// FNV-1a over a chart's content, for its default element id: stable across processes (unlike
/// <see cref="string.GetHashCode()"/>), so the same chart always renders the same markup.
/// </summary>
internal struct StableHash
{
    private uint _value;

    public StableHash() => _value = 2166136261u;

    public readonly uint Value => _value;

    public void Add(string? text)
    {
        foreach (var c in text ?? "")
        {
            Add((uint)c);
        }

        Add(0xFFFFu);
    }

    public void Add(double number)
    {
        var bits = BitConverter.DoubleToInt64Bits(number);
        Add((uint)bits);
        Add((uint)(bits >> 32));
    }

    private void Add(uint word) => _value = (_value ^ word) * 16777619u;
}
