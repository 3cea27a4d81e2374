namespace Dermis.Sensing.Scratch;

/// <summary>Event-level agreement counts between detected and reference scratch events.</summary>
/// <param name="TruePositives">Matched detected–reference pairs (one-to-one).</param>
/// <param name="DetectedCount">Detected events.</param>
/// <param name="ReferenceCount">Reference (ground-truth or video) events.</param>
public sealed record EventAgreement(int TruePositives, int DetectedCount, int ReferenceCount)
{
    /// <summary>TP / detected; NaN when nothing was detected (undefined).</summary>
    public double Precision => DetectedCount == 0 ? double.NaN : (double)TruePositives / DetectedCount;

    /// <summary>TP / reference; NaN when the reference is empty (undefined).</summary>
    public double Recall => ReferenceCount == 0 ? double.NaN : (double)TruePositives / ReferenceCount;

    /// <summary>2·TP / (detected + reference); NaN when both are empty (undefined).</summary>
    public double F1 => DetectedCount + ReferenceCount == 0 ? double.NaN : 2.0 * TruePositives / (DetectedCount + ReferenceCount);

    /// <summary>Pooled counts of two evaluations (micro-average over nights).</summary>
    public static EventAgreement operator +(EventAgreement a, EventAgreement b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new EventAgreement(a.TruePositives + b.TruePositives, a.DetectedCount + b.DetectedCount, a.ReferenceCount + b.ReferenceCount);
    }

    /// <summary>Same as the + operator.</summary>
    public static EventAgreement Add(EventAgreement left, EventAgreement right) => left + right;
}
