using Dermis.Sensing.Motion;

namespace Dermis.Sensing.Scratch;

/// <summary>
/// Nocturnal scratch from wrist acceleration, in the structure of Mahadevan et al. 2021 (doi:10.1038/s41746-021-00402-x)
/// and Ji et al. 2023 (doi:10.1038/s41746-023-00821-y): a hand-movement gate finds movement bouts (1-s resolution);
/// each bout is described by <see cref="ScratchBoutFeatures"/> (duration, dominant frequency, 2–6 Hz power fraction,
/// autocorrelation rhythmicity, wrist-angle change, intensity) and a logistic regression (<see cref="ScratchClassifier"/>)
/// keeps the scratch bouts as events. Neither paper's classifier is public; this one is trained on synthetic nights only
/// (<see cref="Simulation.NightSimulator"/>), so it is a reference pipeline, not a validated clinical algorithm.
/// </summary>
public sealed class ScratchDetector
{
    private readonly ScratchDetectorOptions _options;

    /// <summary>A detector with <paramref name="options"/> (default settings when null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option lies outside its documented range.</exception>
    public ScratchDetector(ScratchDetectorOptions? options = null)
    {
        _options = options ?? new ScratchDetectorOptions();
        ArgumentNullException.ThrowIfNull(_options.Gate, "options.Gate");
        ArgumentNullException.ThrowIfNull(_options.Classifier, "options.Classifier");
        if (_options.MergeGapSeconds is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MergeGapSeconds, "ScratchDetectorOptions.MergeGapSeconds must lie in [0, 10] s.");
        }

        if (!(_options.ProbabilityThreshold > 0 && _options.ProbabilityThreshold < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.ProbabilityThreshold, "ScratchDetectorOptions.ProbabilityThreshold must lie in (0, 1).");
        }
    }

    /// <summary>Scratch events of <paramref name="night"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The gate does not accept the sample rate (the default gate needs 20 Hz).</exception>
    public ScratchDetection Detect(AccelerometerNight night)
    {
        ArgumentNullException.ThrowIfNull(night);
        return Detect(night.X, night.Y, night.Z, night.SampleRateHz);
    }

    /// <summary>Scratch events of a recording given as three axes (g) at <paramref name="sampleRateHz"/>.</summary>
    /// <exception cref="ArgumentException">The axes differ in length or are shorter than one gate window.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The gate does not accept the sample rate.</exception>
    public ScratchDetection Detect(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, double sampleRateHz)
    {
        var gate = _options.Gate;
        var flags = new bool[gate.DecisionCount(x.Length, sampleRateHz)];
        gate.Detect(x, y, z, sampleRateHz, flags);
        var movement = MovementBout.FromSeconds(flags, _options.MergeGapSeconds);

        int window = (int)sampleRateHz;
        var extractor = new ScratchFeatureExtractor(sampleRateHz);
        var bouts = new List<ScratchBout>(movement.Count);
        var events = new List<ScratchEvent>();
        foreach (var m in movement)
        {
            int start = m.StartSecond * window, end = Math.Min(x.Length, m.EndSecond * window);
            var features = extractor.Measure(x, y, z, start, end);
            double p = _options.Classifier.Probability(features);
            bool isScratch = p >= _options.ProbabilityThreshold;
            double startSeconds = start / sampleRateHz, endSeconds = end / sampleRateHz;
            bouts.Add(new ScratchBout(startSeconds, endSeconds, features, p, isScratch));
            if (isScratch)
            {
                events.Add(new ScratchEvent(startSeconds, endSeconds));
            }
        }

        return new ScratchDetection(events, bouts, ScratchSummary.From(events, x.Length / sampleRateHz / 3600.0));
    }
}
