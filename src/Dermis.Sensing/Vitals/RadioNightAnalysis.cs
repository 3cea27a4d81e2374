using System.Buffers;
using Dermis.Sensing.Signal;

namespace Dermis.Sensing.Vitals;

/// <summary>
/// Nightly respiration and heart rate from a bedside radio box's chest-displacement series (docs/sensing-vitals.md).
/// A frequency-modulated continuous-wave radio sees breathing and heartbeat as the phase (displacement) oscillation of
/// the chest's reflection while the body is still (Adib, Mao, Kabelac, Katabi, Miller, "Smart Homes that Monitor
/// Breathing and Heart Rate", CHI 2015, doi:10.1145/2702123.2702200 — Vital-Radio; reference/biomarkers.md §1.3), so
/// the method is: find gross motion and leave it out; in each still window take the Hann-windowed spectrum and read
/// the breathing rate from its peak in the respiration band and the heart rate from its peak in the heart band away
/// from the breathing harmonics; summarise the night by medians over still windows at rest, with quality rules.
/// </summary>
/// <remarks>
/// Steps, each documented where it is done:
/// <list type="number">
/// <item>Decimation to an analysis rate of about 10 Hz (the heart band ends at 2.5 Hz): zero-phase 4th-order
/// Butterworth low-pass at 0.4 × the analysis rate (scipy-exact <see cref="Butterworth.FiltFilt(ReadOnlySpan{float}, Span{double})"/>),
/// then every D-th sample.</item>
/// <item>Motion (<c>RadioNightAnalysis.Motion.cs</c>): per second, the peak-to-peak and RMS velocity of the
/// displacement over the 4 s around it against the night's quiet-breathing reference.</item>
/// <item>Rates (<see cref="VitalSpectrum"/>): each still window is detrended (removing drift) and its peak searched
/// only inside each band, which is the band-pass; see the docs for why no IIR band-pass runs per window.</item>
/// <item>Night (<c>RadioNightAnalysis.Summary.cs</c>): median and IQR over usable windows at rest, quality rules.</item>
/// </list>
/// Pure and thread-safe; one 8-h night at 20 Hz takes about 0.1 s on one thread (bench/Dermis.Bench/Sensing/RadioNightBenchmarks.cs).
/// </remarks>
public static partial class RadioNightAnalysis
{
    /// <summary>Version of this algorithm, stored with every nightly result; raise it when any output changes.</summary>
    public const string AlgorithmVersion = "dermis-vitals 1";

    /// <summary>Lowest accepted sample rate, Hz.</summary>
    public const double MinimumSampleRateHz = 5;

    /// <summary>Highest accepted sample rate, Hz.</summary>
    public const double MaximumSampleRateHz = 500;

    /// <summary>Target analysis rate after decimation, Hz: four times the top of the heart band, leaving room for the anti-alias filter.</summary>
    internal const double TargetAnalysisRateHz = 10;

    /// <summary>Analyses one night of chest displacement.</summary>
    /// <param name="displacementMm">One channel of chest displacement, mm, finite, at least one sample (<c>SampleKind.RadioDisplacement</c>).</param>
    /// <param name="sampleRateHz">Samples per second, [<see cref="MinimumSampleRateHz"/>, <see cref="MaximumSampleRateHz"/>] Hz (radio boxes send 10–50 Hz).</param>
    /// <param name="options">Settings; <see cref="VitalSignsOptions.Default"/> when null.</param>
    /// <returns>
    /// The nightly vitals, every window, rest per minute and the motion bouts. A recording shorter than
    /// <see cref="VitalSignsOptions.MinimumDurationSeconds"/> is analysed but marked <see cref="VitalsQuality.TooShort"/>
    /// with null rates; one shorter than a window has no windows.
    /// </returns>
    /// <exception cref="ArgumentException">The series is empty or holds a NaN or infinity (the message gives its index).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sample rate or an option is outside its range (the message names it and the range).</exception>
    public static RadioNightResult Analyse(ReadOnlySpan<float> displacementMm, double sampleRateHz, VitalSignsOptions? options = null)
    {
        options ??= VitalSignsOptions.Default;
        options.Validate(nameof(options));
        if (!(sampleRateHz >= MinimumSampleRateHz && sampleRateHz <= MaximumSampleRateHz))
        {
            throw new ArgumentOutOfRangeException(
                nameof(sampleRateHz), sampleRateHz, $"sampleRateHz is {sampleRateHz} Hz; it must lie in {MinimumSampleRateHz}–{MaximumSampleRateHz} Hz.");
        }

        if (displacementMm.IsEmpty)
        {
            throw new ArgumentException("displacementMm is empty; it needs at least one sample (at least 30 min for a reportable night).", nameof(displacementMm));
        }

        for (int i = 0; i < displacementMm.Length; i++)
        {
            if (!float.IsFinite(displacementMm[i]))
            {
                throw new ArgumentException(
                    $"displacementMm[{i}] is {displacementMm[i]}; every sample must be a finite number of mm (split the recording at gaps instead of filling them).",
                    nameof(displacementMm));
            }
        }

        int factor = Math.Max(1, (int)Math.Floor(sampleRateHz / TargetAnalysisRateHz));
        double rateHz = sampleRateHz / factor;
        double durationSeconds = displacementMm.Length / sampleRateHz;
        double[] signal = Decimate(displacementMm, sampleRateHz, factor);
        var bouts = DetectMotion(signal, rateHz, durationSeconds, options);
        var windows = AnalyseWindows(signal, rateHz, durationSeconds, bouts, options);
        var rest = RestPerMinute(durationSeconds, bouts, options.RestGuardSeconds);
        var vitals = Summarise(windows, durationSeconds, options);
        return new RadioNightResult(vitals, windows, rest, bouts);
    }

    // Zero-phase anti-alias low-pass at 0.4 × the new rate (−3 dB; order 4 twice over by filtfilt), then every factor-th sample.
    private static double[] Decimate(ReadOnlySpan<float> input, double sampleRateHz, int factor)
    {
        int count = ((input.Length - 1) / factor) + 1;
        var output = new double[count];
        if (factor == 1)
        {
            for (int i = 0; i < input.Length; i++)
            {
                output[i] = input[i];
            }

            return output;
        }

        var lowPass = Butterworth.LowPass(4, 0.4 * sampleRateHz / factor, sampleRateHz);
        if (input.Length <= lowPass.PadLength)
        {
            for (int i = 0; i < count; i++)
            {
                output[i] = input[i * factor];
            }

            return output;
        }

        double[] buffer = ArrayPool<double>.Shared.Rent(input.Length);
        try
        {
            var filtered = buffer.AsSpan(0, input.Length);
            lowPass.FiltFilt(input, filtered);
            for (int i = 0; i < count; i++)
            {
                output[i] = filtered[i * factor];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }

        return output;
    }

    // Bouts are sorted and disjoint; from the first bout that can still reach the interval.
    private static bool Overlaps(List<MotionBout> bouts, int from, double start, double end)
    {
        for (int i = from; i < bouts.Count && bouts[i].StartSeconds < end; i++)
        {
            if (bouts[i].EndSeconds > start)
            {
                return true;
            }
        }

        return false;
    }

    private static bool[] RestPerMinute(double durationSeconds, List<MotionBout> bouts, double guardSeconds)
    {
        var rest = new bool[(int)Math.Ceiling(durationSeconds / 60.0)];
        int cursor = 0;
        for (int m = 0; m < rest.Length; m++)
        {
            double start = 60.0 * m, end = Math.Min(durationSeconds, start + 60.0);
            while (cursor < bouts.Count && bouts[cursor].EndSeconds <= start - guardSeconds)
            {
                cursor++;
            }

            rest[m] = !Overlaps(bouts, cursor, start - guardSeconds, end);
        }

        return rest;
    }
}
