namespace Dermis.Sensing.Scratch;

/// <summary>
/// Validation metrics for scratch detectors against a reference (simulator truth or annotated video): event-level
/// matching with F1, and Pearson's r of nightly totals (as Mahadevan 2021 reports total scratch duration vs video).
/// </summary>
public static class ScratchAgreement
{
    /// <summary>Minimum intersection-over-union for a match.</summary>
    public const double MinimumIoU = 0.3;

    /// <summary>Minimum share of the reference event covered by the detected one for a match.</summary>
    public const double MinimumReferenceCoverage = 0.5;

    /// <summary>
    /// True when <paramref name="detected"/> and <paramref name="reference"/> overlap with IoU ≥ 0.3, or the overlap covers
    /// ≥ 50 % of the reference event (so a detection clipped by the 1-s gate, or spanning a short reference bout, still counts).
    /// </summary>
    public static bool Matches(ScratchEvent detected, ScratchEvent reference)
    {
        double overlap = OverlapSeconds(detected.StartSeconds, detected.EndSeconds, reference);
        return overlap > 0 && (IoU(detected, reference, overlap) >= MinimumIoU || overlap >= MinimumReferenceCoverage * reference.DurationSeconds);
    }

    /// <summary>Length of the intersection of [<paramref name="startSeconds"/>, <paramref name="endSeconds"/>) and <paramref name="other"/>, s; ≤ 0 when they do not overlap.</summary>
    internal static double OverlapSeconds(double startSeconds, double endSeconds, ScratchEvent other) =>
        Math.Min(endSeconds, other.EndSeconds) - Math.Max(startSeconds, other.StartSeconds);

    private static double IoU(ScratchEvent a, ScratchEvent b, double overlap) => overlap / (a.DurationSeconds + b.DurationSeconds - overlap);

    /// <summary>
    /// One-to-one matching of <paramref name="detected"/> to <paramref name="reference"/> events (each list in any order):
    /// candidate pairs that satisfy <see cref="Matches"/> are taken greedily by decreasing IoU.
    /// </summary>
    public static EventAgreement Compare(IReadOnlyList<ScratchEvent> detected, IReadOnlyList<ScratchEvent> reference)
    {
        ArgumentNullException.ThrowIfNull(detected);
        ArgumentNullException.ThrowIfNull(reference);
        var pairs = new List<(double IoU, int D, int R)>();
        for (int d = 0; d < detected.Count; d++)
        {
            for (int r = 0; r < reference.Count; r++)
            {
                if (Matches(detected[d], reference[r]))
                {
                    pairs.Add((IoU(detected[d], reference[r], OverlapSeconds(detected[d].StartSeconds, detected[d].EndSeconds, reference[r])), d, r));
                }
            }
        }

        pairs.Sort((a, b) => b.IoU != a.IoU ? b.IoU.CompareTo(a.IoU) : a.D != b.D ? a.D.CompareTo(b.D) : a.R.CompareTo(b.R));
        var usedD = new bool[detected.Count];
        var usedR = new bool[reference.Count];
        int tp = 0;
        foreach (var (_, d, r) in pairs)
        {
            if (!usedD[d] && !usedR[r])
            {
                usedD[d] = true;
                usedR[r] = true;
                tp++;
            }
        }

        return new EventAgreement(tp, detected.Count, reference.Count);
    }

    /// <summary>Pearson's product-moment correlation of paired values; NaN when fewer than 2 pairs or a variance is 0 (undefined).</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double Pearson(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Both samples need the same length; got {a.Length} and {b.Length}.", nameof(b));
        }

        int n = a.Length;
        if (n < 2)
        {
            return double.NaN;
        }

        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++)
        {
            ma += a[i];
            mb += b[i];
        }

        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++)
        {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }

        return saa > 0 && sbb > 0 ? sab / Math.Sqrt(saa * sbb) : double.NaN;
    }
}
