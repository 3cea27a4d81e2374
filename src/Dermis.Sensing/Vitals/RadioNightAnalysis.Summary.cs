using System.Globalization;

namespace Dermis.Sensing.Vitals;

// The night: median and interquartile range of the window rates over usable windows at rest (medians because a
// night's window rates carry outliers from missed motion and spurious peaks), and the quality rules in order of
// precedence TooShort, MotionSwamped, WeakSignal (docs/sensing-vitals.md, "Quality rules").
public static partial class RadioNightAnalysis
{
    private static NightVitals Summarise(List<VitalWindow> windows, double durationSeconds, VitalSignsOptions o)
    {
        int motion = 0, usable = 0;
        var breathing = new List<double>(windows.Count);
        var heart = new List<double>(windows.Count);
        foreach (var w in windows)
        {
            motion += w.Motion ? 1 : 0;
            usable += w.Usable ? 1 : 0;
            if (w.Usable && w.Rest)
            {
                breathing.Add(w.RespirationRatePerMinute!.Value);
                if (w.HeartRatePerMinute is double h)
                {
                    heart.Add(h);
                }
            }
        }

        double usableFraction = windows.Count == 0 ? 0 : (double)usable / windows.Count;
        double motionFraction = windows.Count == 0 ? 0 : (double)motion / windows.Count;
        var inv = CultureInfo.InvariantCulture;
        VitalsQuality quality;
        string reason;
        if (durationSeconds < o.MinimumDurationSeconds)
        {
            quality = VitalsQuality.TooShort;
            reason = string.Format(inv, "the recording lasts {0:0.#} min (at least {1:0.#} min needed)", durationSeconds / 60, o.MinimumDurationSeconds / 60);
        }
        else if (motionFraction > o.MaximumMotionFraction)
        {
            quality = VitalsQuality.MotionSwamped;
            reason = string.Format(inv, "motion swamped {0:0} % of the night (at most {1:0} % allowed)", 100 * motionFraction, 100 * o.MaximumMotionFraction);
        }
        else if (usableFraction < o.MinimumUsableFraction || breathing.Count == 0)
        {
            quality = VitalsQuality.WeakSignal;
            reason = string.Format(
                inv,
                "a clear breathing peak was found in {0:0} % of the windows, {1} of them at rest (at least {2:0} % needed)",
                100 * usableFraction,
                breathing.Count,
                100 * o.MinimumUsableFraction);
        }
        else
        {
            quality = VitalsQuality.Good;
            reason = string.Format(inv, "breathing resolved in {0:0} % of the windows; motion in {1:0} %", 100 * usableFraction, 100 * motionFraction);
        }

        double? respiration = null, respirationIqr = null, heartRate = null, heartIqr = null;
        if (quality == VitalsQuality.Good)
        {
            (respiration, respirationIqr) = MedianAndIqr(breathing);
            double heartShare = (double)heart.Count / breathing.Count;
            if (heart.Count > 0 && heartShare >= o.MinimumHeartFraction)
            {
                (heartRate, heartIqr) = MedianAndIqr(heart);
            }
            else
            {
                reason += string.Format(
                    inv,
                    "; heartbeat not resolved (a clear heart peak in {0:0} % of the usable rest windows, at least {1:0} % needed)",
                    100 * heartShare,
                    100 * o.MinimumHeartFraction);
            }
        }

        return new NightVitals(respiration, respirationIqr, heartRate, heartIqr, usableFraction, motionFraction, quality, reason, AlgorithmVersion)
        {
            DurationSeconds = durationSeconds,
            RespirationWindowCount = breathing.Count,
            HeartWindowCount = heart.Count,
        };
    }

    private static (double Median, double Iqr) MedianAndIqr(List<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return (
            VitalStatistics.PercentileOfSorted(sorted, 50),
            VitalStatistics.PercentileOfSorted(sorted, 75) - VitalStatistics.PercentileOfSorted(sorted, 25));
    }
}
