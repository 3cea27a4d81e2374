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
    public static float[] Resample(float[] signal, double fromHz, double toHz = AnalysisRateHz)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (Math.Abs(fromHz - toHz) < 1e-9)
        {
            return signal;
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromHz);
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

        var count = (int)Math.Floor((signal.Length - 1) * toHz / fromHz) + 1;
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
