using Dermis.Sensing.Signal;

namespace Dermis.Sensing.Nights;

/// <summary>
/// Brings a recording to the rate the night analysis works at (20 Hz, the scratch gate's rate):
/// a zero-phase 8th-order Butterworth low-pass at 0.4 × the target rate against aliasing, then
/// linear interpolation at the new sample times; a slower recording is interpolated without filtering.
/// A recording already at the target is returned as is.
/// </summary>
public static class Resampling
{
    /// <summary>The analysis rate, Hz.</summary>
    public const double AnalysisRateHz = 20;

    /// <summary>Resamples one channel from <paramref name="fromHz"/> to <paramref name="toHz"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not finite and positive, or the result would not fit one array.</exception>
    public static float[] Resample(float[] signal, double fromHz, double toHz = AnalysisRateHz)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (!(double.IsFinite(fromHz) && fromHz > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(fromHz), fromHz, "The recording's sample rate must be finite and > 0 Hz.");
        }

        if (!(double.IsFinite(toHz) && toHz > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(toHz), toHz, "The target sample rate must be finite and > 0 Hz.");
        }

        if (Math.Abs(fromHz - toHz) < 1e-9)
        {
            return signal;
        }

        var length = Math.Floor((signal.Length - 1) * toHz / fromHz) + 1;
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(fromHz), fromHz, $"{signal.Length} samples at {fromHz} Hz resampled to {toHz} Hz would be {length:0} samples, more than one array holds; check the recording's sample rate.");
        }

        var filtered = new double[signal.Length];
        var filter = fromHz > toHz ? Butterworth.LowPass(8, 0.4 * toHz, fromHz) : null;
        if (filter is not null && signal.Length > filter.PadLength)
        {
            filter.FiltFilt(signal, filtered);
        }
        else
        {
            for (var i = 0; i < signal.Length; i++)
            {
                filtered[i] = signal[i];
            }
        }

        var count = Math.Max(0, (int)length);
        var output = new float[count];
        var step = fromHz / toHz;
        for (var i = 0; i < count; i++)
        {
            var position = i * step;
            var left = (int)position;
            var fraction = position - left;
            output[i] = left + 1 < filtered.Length ? (float)((filtered[left] * (1 - fraction)) + (filtered[left + 1] * fraction)) : (float)filtered[left];
        }

        return output;
    }
}
