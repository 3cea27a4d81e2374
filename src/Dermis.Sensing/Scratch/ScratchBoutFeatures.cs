namespace Dermis.Sensing.Scratch;

/// <summary>
/// What <see cref="ScratchDetector"/> measures on one movement bout, the inputs of <see cref="ScratchClassifier"/>.
/// Scratch is rhythmic and repetitive (DiMe definition, JMIR 2023;25:e43617) with its energy below about 6 Hz
/// (Ji 2023's 3 Hz and Mahadevan 2021's 6 Hz gate filters; OHSU's epoch peak frequency), hence the spectral and
/// autocorrelation features; turns change the forearm's angle to gravity, scratch mostly does not.
/// </summary>
/// <param name="DurationSeconds">Bout length, s (whole gate seconds).</param>
/// <param name="DominantFrequencyHz">Frequency of the largest Welch power, summed over axes, in 0.5–8 Hz.</param>
/// <param name="BandPowerFraction">Share of power (≥ 0.25 Hz, summed over axes) that lies in 2–6 Hz, 0–1.</param>
/// <param name="Rhythmicity">Largest local peak of the 1-Hz high-passed autocorrelation (summed over axes, normalised to lag 0) at lags 0.1–0.67 s (1.5–10 Hz); 0 when there is no peak.</param>
/// <param name="AngleChangeDegrees">Angle between the mean acceleration vectors of the 2 s before and the 2 s after the bout, 0–180°.</param>
/// <param name="Log10RmsG">log10 of the RMS of the 1-Hz high-passed acceleration vector over the bout (g).</param>
public readonly record struct ScratchBoutFeatures(
    double DurationSeconds,
    double DominantFrequencyHz,
    double BandPowerFraction,
    double Rhythmicity,
    double AngleChangeDegrees,
    double Log10RmsG)
{
    /// <summary>Number of model inputs from <see cref="CopyTo"/>.</summary>
    public const int Count = 6;

    /// <summary>
    /// Writes the model inputs: ln(duration s), dominant frequency (Hz), band-power fraction, rhythmicity,
    /// angle change / 90°, log10 RMS (g).
    /// </summary>
    public void CopyTo(Span<double> inputs)
    {
        inputs[0] = Math.Log(DurationSeconds);
        inputs[1] = DominantFrequencyHz;
        inputs[2] = BandPowerFraction;
        inputs[3] = Rhythmicity;
        inputs[4] = AngleChangeDegrees / 90.0;
        inputs[5] = Log10RmsG;
    }
}
