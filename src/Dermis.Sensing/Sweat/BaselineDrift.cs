using System.Globalization;

namespace Dermis.Sensing.Sweat;

/// <summary>The linear drift fitted to a reference channel.</summary>
/// <param name="SlopePerSecond">Drift in response units per second.</param>
/// <param name="InterceptAtOrigin">The reference line's value at the origin time.</param>
/// <param name="OriginSeconds">The time the correction is anchored at (the first reference time): corrected = raw − slope·(t − origin).</param>
/// <param name="ReferenceCount">Reference readings in the fit.</param>
public sealed record DriftFit(double SlopePerSecond, double InterceptAtOrigin, double OriginSeconds, int ReferenceCount);

/// <summary>
/// Baseline referencing and drift removal for non-faradaic EIS sweat sensors (docs/sweat.md §Signal).
/// (1) The response is the channel's impedance relative to its own baseline, ΔZ/Z₀ in % = 100·(Z − Z₀)/Z₀, the
/// EnLiSense convention (Munje et al., Sci Rep 7:1950, 2017; Jagannath et al., Bioeng Transl Med 6:e10220, 2021), which
/// removes electrode-to-electrode differences in absolute impedance. (2) Slow drift common to the patch (temperature,
/// electrolyte, RTIL ageing; biomarkers.md §2.4 item 4) is removed by fitting an ordinary least-squares line to readings of a
/// reference channel (an electrode without capture antibody, or blank-buffer readings) and subtracting its slope times
/// the time since the first reference reading. The assumption, stated in docs/sweat.md: the drift is linear over the
/// window and the same on the sensing and reference electrodes of one patch.
/// </summary>
public static class BaselineDrift
{
    /// <summary>Baseline-referenced change in %, 100·(Z − Z₀)/Z₀, for each impedance.</summary>
    /// <param name="impedanceOhms">|Z| at the read frequency (e.g. 180 Hz), ohms; non-finite values pass through as NaN.</param>
    /// <param name="baselineImpedanceOhms">Z₀, the channel's baseline (buffer or first-minute) impedance, finite and ≠ 0.</param>
    /// <param name="changePercent">Receives ΔZ/Z₀ in %.</param>
    /// <exception cref="ArgumentException">The spans differ in length or the baseline is 0 or not finite.</exception>
    public static void RelativeChangePercent(ReadOnlySpan<double> impedanceOhms, double baselineImpedanceOhms, Span<double> changePercent)
    {
        if (changePercent.Length != impedanceOhms.Length)
        {
            throw new ArgumentException($"The output has {changePercent.Length} values but the input {impedanceOhms.Length}; they must be equal.", nameof(changePercent));
        }

        if (!double.IsFinite(baselineImpedanceOhms) || baselineImpedanceOhms == 0)
        {
            throw new ArgumentException($"The baseline impedance is {baselineImpedanceOhms.ToString(CultureInfo.InvariantCulture)} Ω; allowed: a finite non-zero value.", nameof(baselineImpedanceOhms));
        }

        var scale = 100 / baselineImpedanceOhms;
        for (var i = 0; i < impedanceOhms.Length; i++)
        {
            var z = impedanceOhms[i];
            changePercent[i] = double.IsFinite(z) ? (z - baselineImpedanceOhms) * scale : double.NaN;
        }
    }

    /// <summary>Fits the drift line to reference-channel readings (non-finite readings skipped).</summary>
    /// <param name="referenceTimesSeconds">Reference reading times in seconds (any origin), finite.</param>
    /// <param name="referenceResponses">Reference responses in the same units as the signal to correct.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or fewer than 2 finite readings at distinct times.</exception>
    public static DriftFit Fit(ReadOnlySpan<double> referenceTimesSeconds, ReadOnlySpan<double> referenceResponses)
    {
        if (referenceTimesSeconds.Length != referenceResponses.Length)
        {
            throw new ArgumentException($"{referenceTimesSeconds.Length} times but {referenceResponses.Length} responses; they must be equal.", nameof(referenceResponses));
        }

        double origin = double.PositiveInfinity, st = 0, sy = 0;
        var n = 0;
        for (var i = 0; i < referenceTimesSeconds.Length; i++)
        {
            if (double.IsFinite(referenceTimesSeconds[i]) && double.IsFinite(referenceResponses[i]))
            {
                origin = Math.Min(origin, referenceTimesSeconds[i]);
                (st, sy, n) = (st + referenceTimesSeconds[i], sy + referenceResponses[i], n + 1);
            }
        }

        if (n < 2)
        {
            throw new ArgumentException($"A drift line needs at least 2 finite reference readings; got {n}.", nameof(referenceResponses));
        }

        var (meanT, meanY) = (st / n, sy / n);
        double stt = 0, sty = 0;
        for (var i = 0; i < referenceTimesSeconds.Length; i++)
        {
            if (double.IsFinite(referenceTimesSeconds[i]) && double.IsFinite(referenceResponses[i]))
            {
                var dt = referenceTimesSeconds[i] - meanT;
                stt += dt * dt;
                sty += dt * (referenceResponses[i] - meanY);
            }
        }

        if (!(stt > 0))
        {
            throw new ArgumentException("The reference readings are all at one time; a drift line needs at least 2 distinct times.", nameof(referenceTimesSeconds));
        }

        var slope = sty / stt;
        return new DriftFit(slope, meanY + (slope * (origin - meanT)), origin, n);
    }

    /// <summary>Subtracts the fitted drift: corrected = signal − slope·(t − origin). The level at the origin is kept.</summary>
    /// <param name="drift">The drift from <see cref="Fit"/>.</param>
    /// <param name="timesSeconds">Reading times on the reference's clock, seconds.</param>
    /// <param name="signal">The sensing channel's responses.</param>
    /// <param name="corrected">Receives the corrected responses (may not overlap <paramref name="signal"/> unless identical).</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void Remove(DriftFit drift, ReadOnlySpan<double> timesSeconds, ReadOnlySpan<double> signal, Span<double> corrected)
    {
        ArgumentNullException.ThrowIfNull(drift);
        if (timesSeconds.Length != signal.Length || corrected.Length != signal.Length)
        {
            throw new ArgumentException($"The spans differ in length: {timesSeconds.Length} times, {signal.Length} signal values, {corrected.Length} outputs; they must be equal.", nameof(corrected));
        }

        for (var i = 0; i < signal.Length; i++)
        {
            corrected[i] = signal[i] - (drift.SlopePerSecond * (timesSeconds[i] - drift.OriginSeconds));
        }
    }
}
