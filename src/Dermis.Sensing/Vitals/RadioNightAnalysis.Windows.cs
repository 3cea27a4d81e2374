namespace Dermis.Sensing.Vitals;

// The window pass. Breathing comes from each still window's own spectrum; the heart from the average of the
// heart-band spectra of the usable windows within ±HeartAveragingWindows/2 steps (Welch 1967), with the window's own
// breathing harmonics excluded — a 0.1–0.2 mm heartbeat under 0.3 mm of noise is at the detection limit of a single
// 60-s periodogram (the largest of ~70 noise cells in the band is about ln 70 ≈ 4 times their mean), and averaging
// five half-overlapping windows lowers that spread about twofold.
public static partial class RadioNightAnalysis
{
    /// <summary>
    /// A heart peak more than 60 dB below the breathing peak is not a heartbeat: a 0.1 mm heartbeat under 12 mm of
    /// breathing is −41 dB, while the Hann side lobes of a breathing line 0.5 Hz away are near −100 dB and would
    /// otherwise pass the prominence test on a clean signal with no heartbeat at all.
    /// </summary>
    internal const double HeartFloorRelativeToBreathing = 1e-6;

    private static List<VitalWindow> AnalyseWindows(double[] signal, double rateHz, double durationSeconds, List<MotionBout> bouts, VitalSignsOptions o)
    {
        var windows = new List<VitalWindow>();
        int windowSamples = (int)Math.Round(o.WindowSeconds * rateHz);
        if (durationSeconds < o.WindowSeconds || windowSamples > signal.Length)
        {
            return windows;
        }

        int count = (int)Math.Floor(((durationSeconds - o.WindowSeconds) / o.StepSeconds) + 1e-9) + 1;
        var spectrum = new VitalSpectrum(windowSamples, rateHz);
        double binHz = spectrum.BinHz;
        double heartHighHz = Math.Min(o.HeartHighHz, 0.45 * rateHz);
        int firstBin = Math.Max(1, (int)Math.Ceiling(o.HeartLowHz / binHz) - 1);
        int bandBins = Math.Min(spectrum.Power.Length - 1, (int)Math.Floor(heartHighHz / binHz) + 1) - firstBin + 1;
        var heartBand = new double[count * bandBins];
        var breathingHz = new double[count];
        var prominence = new double[count];
        var breathingPower = new double[count];
        var motion = new bool[count];
        var rest = new bool[count];
        int cursor = 0;
        for (int w = 0; w < count; w++)
        {
            double start = w * o.StepSeconds, end = start + o.WindowSeconds;
            while (cursor < bouts.Count && bouts[cursor].EndSeconds <= start - o.RestGuardSeconds)
            {
                cursor++;
            }

            motion[w] = Overlaps(bouts, cursor, start, end);
            rest[w] = !motion[w] && !Overlaps(bouts, cursor, start - o.RestGuardSeconds, end);
            breathingHz[w] = double.NaN;
            if (motion[w])
            {
                continue;
            }

            int first = Math.Min((int)Math.Round(start * rateHz), signal.Length - windowSamples);
            spectrum.Compute(signal.AsSpan(first, windowSamples));
            var breathing = spectrum.FindPeak(o.RespirationLowHz, o.RespirationHighHz, o.PeakHalfWidthHz, [], 0);
            prominence[w] = breathing.Prominence;
            if (breathing.Found && breathing.Prominence >= o.RespirationMinimumProminence)
            {
                breathingHz[w] = breathing.FrequencyHz;
                breathingPower[w] = breathing.PeakPower;
                spectrum.Power.Slice(firstBin, bandBins).CopyTo(heartBand.AsSpan(w * bandBins, bandBins));
            }
        }

        var average = new double[bandBins];
        Span<double> harmonics = stackalloc double[o.HarmonicsExcluded - 1];
        int half = o.HeartAveragingWindows / 2;
        windows.Capacity = count;
        for (int w = 0; w < count; w++)
        {
            double start = w * o.StepSeconds, end = start + o.WindowSeconds;
            if (double.IsNaN(breathingHz[w]))
            {
                windows.Add(new VitalWindow(start, end, motion[w], null, null, prominence[w]) { Rest = rest[w] });
                continue;
            }

            Array.Clear(average);
            double breathingSum = 0;
            for (int v = Math.Max(0, w - half); v <= Math.Min(count - 1, w + half); v++)
            {
                if (!double.IsNaN(breathingHz[v]))
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(average, heartBand.AsSpan(v * bandBins, bandBins), average);
                    breathingSum += breathingPower[v];
                }
            }

            for (int h = 0; h < harmonics.Length; h++)
            {
                harmonics[h] = (h + 2) * breathingHz[w];
            }

            var heart = VitalSpectrum.FindPeak(average, firstBin, binHz, o.HeartLowHz, heartHighHz, o.PeakHalfWidthHz, harmonics, o.HarmonicHalfWidthHz);
            bool aboveFloor = heart.PeakPower >= HeartFloorRelativeToBreathing * breathingSum;
            double? heartRate = heart.Found && aboveFloor && heart.Prominence >= o.HeartMinimumProminence ? 60.0 * heart.FrequencyHz : null;
            windows.Add(new VitalWindow(start, end, false, 60.0 * breathingHz[w], heartRate, prominence[w])
            {
                HeartPeakProminence = heart.Prominence,
                Rest = rest[w],
            });
        }

        return windows;
    }
}
