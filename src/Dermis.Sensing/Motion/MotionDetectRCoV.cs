using System.Buffers;
using Dermis.Sensing.Signal;

namespace Dermis.Sensing.Motion;

/// <summary>
/// Hand-movement gate of Mahadevan et al., "Development of digital measures for nighttime scratch and sleep using
/// wrist-worn wearable devices", npj Digit Med 4:42 (2021), doi:10.1038/s41746-021-00402-x, as published in SKDH
/// (<c>skdh.context.MotionDetectRCoV</c>, MIT): vector magnitude → zero-phase Butterworth low-pass (order 6, 6 Hz) →
/// rolling coefficient of variation (sample SD / mean) over windows of ⌊rate⌋ samples advanced by one sample →
/// a sample moves when CoV &gt; 0.022558; a 1-s window is movement only when every rolling CoV that starts in it moves.
/// </summary>
/// <remarks>
/// Needs at least 20 Hz and one 1-s window of data (fewer than 2⌊rate⌋ − 1 samples give no decision, as in SKDH);
/// acceleration in g; orientation does not matter. Filters are <see cref="Butterworth"/> (scipy <c>butter</c> + <c>sosfiltfilt</c>).
/// </remarks>
public sealed class MotionDetectRCoV : IMotionGate
{
    /// <summary>SKDH's default CoV threshold, 0.022558169349678834 (Mahadevan 2021).</summary>
    public const double DefaultCovThreshold = 0.022558169349678834;

    /// <summary>Low-pass cutoff, Hz; default 6; must be below the Nyquist frequency.</summary>
    public double FilterCutoffHz { get; init; } = 6.0;

    /// <summary>Low-pass Butterworth order, 1–12; default 6.</summary>
    public int FilterOrder { get; init; } = 6;

    /// <summary>A rolling CoV strictly above this value is movement; default <see cref="DefaultCovThreshold"/>.</summary>
    public double CovThreshold { get; init; } = DefaultCovThreshold;

    /// <inheritdoc />
    public int DecisionCount(int sampleCount, double sampleRateHz) => MotionWindows.DecisionCount(sampleCount, (int)sampleRateHz);

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The sample rate is below 20 Hz.</exception>
    public bool[] Detect(AccelerometerNight night)
    {
        ArgumentNullException.ThrowIfNull(night);
        var flags = new bool[DecisionCount(night.SampleCount, night.SampleRateHz)];
        Detect(night.X, night.Y, night.Z, night.SampleRateHz, flags);
        return flags;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The sample rate is below 20 Hz.</exception>
    public void Detect(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, double sampleRateHz, Span<bool> movementPerSecond)
    {
        if (!(sampleRateHz >= 20.0))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), sampleRateHz, "MotionDetectRCoV needs at least 20 Hz (SKDH input requirement).");
        }

        int w = MotionGateInput.Validate(x, y, z, sampleRateHz, movementPerSecond, DecisionCount(x.Length, sampleRateHz));
        if (movementPerSecond.IsEmpty)
        {
            // Shorter than two windows: SKDH makes no decision, and the filters' odd extension would not fit.
            return;
        }

        int n = x.Length;
        var filter = Butterworth.LowPass(FilterOrder, FilterCutoffHz, sampleRateHz);
        double[] buffer = ArrayPool<double>.Shared.Rent(n);
        double[] cov = ArrayPool<double>.Shared.Rent(n - w + 1);
        try
        {
            var magnitude = buffer.AsSpan(0, n);
            MotionWindows.VectorMagnitude(x, y, z, magnitude);
            filter.FiltFilt(magnitude, magnitude);
            MotionWindows.RollingCoV(magnitude, w, 1e-12, absoluteMean: false, cov.AsSpan(0, n - w + 1));
            for (int k = 0; k < movementPerSecond.Length; k++)
            {
                bool all = true;
                for (int j = k * w; j < (k + 1) * w; j++)
                {
                    if (!(cov[j] > CovThreshold))
                    {
                        all = false;
                        break;
                    }
                }

                movementPerSecond[k] = all;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
            ArrayPool<double>.Shared.Return(cov);
        }
    }
}
