using System.Buffers;
using Dermis.Sensing.Signal;

namespace Dermis.Sensing.Motion;

/// <summary>
/// Hand-movement gate of Ji et al., "Assessing nocturnal scratch with actigraphy in atopic dermatitis patients",
/// npj Digit Med 6:72 (2023), doi:10.1038/s41746-023-00821-y, as re-implemented in SKDH
/// (<c>skdh.context.MotionDetectRCoVMaxSD</c>, MIT). Two branches combined with OR per 1-s window:
/// (1) vector magnitude → zero-phase Butterworth low-pass (order 6, 3 Hz) → zero-phase high-pass (order 1, 0.25 Hz) →
/// rolling CoV = sample SD / (|mean| + 0.01) over 20 samples; a sample moves when CoV ≥ 0.41 and a window moves when at
/// least half of its samples do; (2) per-axis sample SD over the non-overlapping window; movement when the largest
/// of the three is ≥ 0.013 g.
/// </summary>
/// <remarks>
/// Needs exactly 20 Hz (SKDH downsamples other rates first; resample before calling) and acceleration in g; fewer than
/// 39 samples give no decision. On white sensor noise of 3–5 mg the CoV branch fires on isolated seconds (about 0.2 %),
/// because its denominator is |mean| + 0.01 of a high-passed signal.
/// </remarks>
public sealed class MotionDetectRCoVMaxSD : IMotionGate
{
    /// <summary>Low-pass cutoff of branch 1, Hz; default 3.</summary>
    public double LowPassCutoffHz { get; init; } = 3.0;

    /// <summary>Low-pass order of branch 1, 1–12; default 6.</summary>
    public int LowPassOrder { get; init; } = 6;

    /// <summary>High-pass cutoff of branch 1, Hz; default 0.25.</summary>
    public double HighPassCutoffHz { get; init; } = 0.25;

    /// <summary>High-pass order of branch 1, 1–12; default 1.</summary>
    public int HighPassOrder { get; init; } = 1;

    /// <summary>Branch 1: a rolling CoV at or above this value is movement; default 0.41.</summary>
    public double CovThreshold { get; init; } = 0.41;

    /// <summary>Branch 2: a largest per-axis SD at or above this value (g) is movement; default 0.013.</summary>
    public double SdThresholdG { get; init; } = 0.013;

    /// <inheritdoc />
    public int DecisionCount(int sampleCount, double sampleRateHz) => MotionWindows.DecisionCount(sampleCount, (int)sampleRateHz);

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The sample rate is not 20 Hz.</exception>
    public bool[] Detect(AccelerometerNight night)
    {
        ArgumentNullException.ThrowIfNull(night);
        var flags = new bool[DecisionCount(night.SampleCount, night.SampleRateHz)];
        Detect(night.X, night.Y, night.Z, night.SampleRateHz, flags);
        return flags;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The sample rate is not 20 Hz.</exception>
    public void Detect(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, double sampleRateHz, Span<bool> movementPerSecond)
    {
        if (sampleRateHz != 20.0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(sampleRateHz), sampleRateHz, "MotionDetectRCoVMaxSD is defined at exactly 20 Hz; resample the recording to 20 Hz first.");
        }

        int w = MotionGateInput.Validate(x, y, z, sampleRateHz, movementPerSecond, DecisionCount(x.Length, sampleRateHz));
        if (movementPerSecond.IsEmpty)
        {
            // Shorter than two windows: SKDH makes no decision, and the filters' odd extension would not fit.
            return;
        }

        int n = x.Length;
        var lowPass = Butterworth.LowPass(LowPassOrder, LowPassCutoffHz, sampleRateHz);
        var highPass = Butterworth.HighPass(HighPassOrder, HighPassCutoffHz, sampleRateHz);
        double[] buffer = ArrayPool<double>.Shared.Rent(n);
        double[] cov = ArrayPool<double>.Shared.Rent(n - w + 1);
        double[] sd = ArrayPool<double>.Shared.Rent(3 * (n / w));
        try
        {
            var magnitude = buffer.AsSpan(0, n);
            MotionWindows.VectorMagnitude(x, y, z, magnitude);
            lowPass.FiltFilt(magnitude, magnitude);
            highPass.FiltFilt(magnitude, magnitude);
            MotionWindows.RollingCoV(magnitude, w, 0.01, absoluteMean: true, cov.AsSpan(0, n - w + 1));

            int windows = n / w;
            var sdX = sd.AsSpan(0, windows);
            var sdY = sd.AsSpan(windows, windows);
            var sdZ = sd.AsSpan(2 * windows, windows);
            MotionWindows.WindowSd(x, w, sdX);
            MotionWindows.WindowSd(y, w, sdY);
            MotionWindows.WindowSd(z, w, sdZ);

            for (int k = 0; k < movementPerSecond.Length; k++)
            {
                int moving = 0;
                for (int j = k * w; j < (k + 1) * w; j++)
                {
                    if (cov[j] >= CovThreshold)
                    {
                        moving++;
                    }
                }

                bool covBranch = moving * 2 >= w;
                bool sdBranch = Math.Max(sdX[k], Math.Max(sdY[k], sdZ[k])) >= SdThresholdG;
                movementPerSecond[k] = covBranch || sdBranch;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
            ArrayPool<double>.Shared.Return(cov);
            ArrayPool<double>.Shared.Return(sd);
        }
    }
}
