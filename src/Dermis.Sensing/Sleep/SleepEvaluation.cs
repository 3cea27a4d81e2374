namespace Dermis.Sensing.Sleep;

/// <summary>
/// Epoch-by-epoch agreement of a sleep/wake classifier with a reference (polysomnography), sleep being the positive
/// class, as reported in actigraphy validation studies (e.g. Walch O et al. <i>SLEEP</i> 42(12):zsz180 (2019),
/// doi:10.1093/sleep/zsz180).
/// </summary>
/// <param name="TrueSleep">Epochs both call sleep.</param>
/// <param name="FalseSleep">Epochs the classifier calls sleep and the reference wake.</param>
/// <param name="TrueWake">Epochs both call wake.</param>
/// <param name="FalseWake">Epochs the classifier calls wake and the reference sleep.</param>
public sealed record SleepEvaluation(int TrueSleep, int FalseSleep, int TrueWake, int FalseWake)
{
    /// <summary>Number of epochs compared.</summary>
    public int Epochs => TrueSleep + FalseSleep + TrueWake + FalseWake;

    /// <summary>Fraction of epochs classified as the reference does; NaN when no epoch was compared.</summary>
    public double Accuracy => (double)(TrueSleep + TrueWake) / Epochs;

    /// <summary>Fraction of reference sleep epochs classified sleep; NaN when the reference has no sleep.</summary>
    public double Sensitivity => (double)TrueSleep / (TrueSleep + FalseWake);

    /// <summary>Fraction of reference wake epochs classified wake; NaN when the reference has no wake.</summary>
    public double Specificity => (double)TrueWake / (TrueWake + FalseSleep);

    /// <summary>
    /// Cohen's κ = (p_o − p_e) / (1 − p_e), p_e from the marginal sleep and wake fractions of both raters (Cohen J,
    /// <i>Educ Psychol Meas</i> 20:37–46 (1960)); NaN when p_e = 1 (both raters use a single class).
    /// </summary>
    public double Kappa
    {
        get
        {
            double n = Epochs;
            double observed = (TrueSleep + TrueWake) / n;
            double expected = ((((double)TrueSleep + FalseSleep) * ((double)TrueSleep + FalseWake))
                + (((double)TrueWake + FalseWake) * ((double)TrueWake + FalseSleep))) / (n * n);
            return expected == 1 ? double.NaN : (observed - expected) / (1 - expected);
        }
    }

    /// <summary>Compares predicted with reference sleep flags epoch by epoch.</summary>
    /// <param name="predictedSleep">Classifier output, true = sleep.</param>
    /// <param name="referenceSleep">Reference, true = sleep; same length.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static SleepEvaluation Compare(ReadOnlySpan<bool> predictedSleep, ReadOnlySpan<bool> referenceSleep)
    {
        if (predictedSleep.Length != referenceSleep.Length)
        {
            throw new ArgumentException(
                $"The reference has {referenceSleep.Length} epochs but the prediction has {predictedSleep.Length}; they must be equal.", nameof(referenceSleep));
        }

        int ts = 0, fs = 0, tw = 0, fw = 0;
        for (int i = 0; i < predictedSleep.Length; i++)
        {
            if (predictedSleep[i])
            {
                if (referenceSleep[i])
                {
                    ts++;
                }
                else
                {
                    fs++;
                }
            }
            else if (referenceSleep[i])
            {
                fw++;
            }
            else
            {
                tw++;
            }
        }

        return new SleepEvaluation(ts, fs, tw, fw);
    }

    /// <summary>Pools two evaluations (epochs of several nights or participants counted together).</summary>
    /// <param name="other">The evaluation to add.</param>
    /// <returns>The summed counts.</returns>
    public SleepEvaluation Add(SleepEvaluation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new SleepEvaluation(TrueSleep + other.TrueSleep, FalseSleep + other.FalseSleep, TrueWake + other.TrueWake, FalseWake + other.FalseWake);
    }
}
