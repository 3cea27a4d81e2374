using MathNet.Numerics.Distributions;

namespace Dermis.Precision.Design;

/// <summary>One arm of a simulated trial.</summary>
/// <param name="Name">Arm name (e.g. "placebo", "dupilumab").</param>
/// <param name="AllocationWeight">Integer allocation weight (1 and 1 for 1:1, 2 and 1 for 2:1), ≥ 1.</param>
/// <param name="MeanPercentChange">Mean EASI percent change from baseline at each visit of <see cref="TrialSettings.VisitWeeks"/>
/// (same length; the baseline visit's entry is ignored), each &gt; −100. The log-ratio ln(EASIₜ/EASI₀) is normal with SD
/// <see cref="TrialSettings.LogRatioSd"/> and mean ln(1 + mean/100) − SD²/2, so the configured mean is the mean of the ratio.</param>
public sealed record ArmProfile(string Name, int AllocationWeight, IReadOnlyList<double> MeanPercentChange)
{
    /// <summary>
    /// The mean EASI percent change whose log-normal ratio gives <paramref name="easi75Rate"/> EASI-75 responders:
    /// 100·(exp(ln 0.25 − Φ⁻¹(rate)·σ + σ²/2) − 1).
    /// </summary>
    /// <param name="easi75Rate">Target P(EASI-75), 0 &lt; rate &lt; 1.</param>
    /// <param name="logRatioSd">σ of ln(EASIₜ/EASI₀), &gt; 0.</param>
    public static double MeanPercentChangeForEasi75(double easi75Rate, double logRatioSd)
    {
        DesignGuard.Probability(easi75Rate, nameof(easi75Rate));
        DesignGuard.Positive(logRatioSd, nameof(logRatioSd));
        return 100 * (Math.Exp(Math.Log(0.25) - (Normal.InvCDF(0, 1, easi75Rate) * logRatioSd) + (logRatioSd * logRatioSd / 2)) - 1);
    }

    /// <summary>P(EASI-75) of an unrounded log-normal ratio with this mean percent change: Φ((ln 0.25 − μ)/σ), μ = ln(1 + mean/100) − σ²/2.</summary>
    public static double ExpectedEasi75Rate(double meanPercentChange, double logRatioSd) =>
        Normal.CDF(0, 1, (Math.Log(0.25) - LogRatioMean(meanPercentChange, logRatioSd)) / logRatioSd);

    internal static double LogRatioMean(double meanPercentChange, double logRatioSd) =>
        Math.Log(1 + (meanPercentChange / 100)) - (logRatioSd * logRatioSd / 2);
}

/// <summary>
/// Settings of <see cref="TrialSimulator"/>. The defaults (<see cref="SoloLike"/>) approximate the dupilumab monotherapy trials
/// SOLO 1 and 2 (Simpson et al., N Engl J Med 2016;375:2335, week 16: EASI-75 placebo 15 % / 12 %, dupilumab q2w 51 % / 44 %;
/// IGA 0/1 10 % / 8 % vs 38 % / 36 %; itch ≥ 4 points 12 % / 9 % vs 41 % / 36 %). The IGA and itch links below are calibrated by
/// hand to land near those rates; they are not fitted to patient data.
/// </summary>
public sealed record TrialSettings
{
    /// <summary>Participants to randomise, ≥ 2.</summary>
    public int Participants { get; init; } = 240;

    /// <summary>Visit weeks, strictly increasing, starting with 0 (baseline).</summary>
    public IReadOnlyList<int> VisitWeeks { get; init; } = [0, 2, 4, 8, 12, 16];

    /// <summary>Arms with their trajectories; at least two. Default: placebo and active, SOLO-like.</summary>
    public IReadOnlyList<ArmProfile> Arms { get; init; } = [];

    /// <summary>Regions, equally likely; the randomisation stratum is region × baseline IGA.</summary>
    public IReadOnlyList<string> Regions { get; init; } = ["EU", "NA", "APAC"];

    /// <summary>σ of ln(EASIₜ/EASI₀) at every post-baseline visit (0.667 gives SOLO's placebo mean −37.6 % with 15 % EASI-75).</summary>
    public double LogRatioSd { get; init; } = 0.667;

    /// <summary>Share of the log-ratio variance from a per-participant effect constant over visits, 0 ≤ value ≤ 1.</summary>
    public double SubjectVarianceShare { get; init; } = 0.6;

    /// <summary>AR(1) correlation of the remaining noise between consecutive visits, 0 ≤ value &lt; 1.</summary>
    public double VisitAutocorrelation { get; init; } = 0.7;

    /// <summary>Probability of having discontinued by the last visit (constant hazard per visit), 0 ≤ value &lt; 1.</summary>
    public double DropoutByLastVisit { get; init; } = 0.10;

    /// <summary>Per-visit probability of rescue for a participant below EASI-50 at a visit from <see cref="RescueFromWeek"/> on, 0 ≤ value ≤ 1.</summary>
    public double RescuePerVisit { get; init; } = 0.10;

    /// <summary>First week at which rescue may start (SOLO allowed rescue from week 2).</summary>
    public int RescueFromWeek { get; init; } = 4;

    /// <summary>vIGA-AD change per unit of ln(EASI ratio) before rounding (IGAₜ = IGA₀ + slope·ln ratio + noise).</summary>
    public double IgaPerLogRatio { get; init; } = 1.2;

    /// <summary>SD of the IGA noise before rounding.</summary>
    public double IgaNoiseSd { get; init; } = 0.5;

    /// <summary>Itch log-ratio per EASI log-ratio: ln(NRSₜ/NRS₀) = slope·ln ratio + offset + noise.</summary>
    public double ItchPerLogRatio { get; init; } = 0.7;

    /// <summary>Offset of the itch log-ratio (itch improves less than EASI).</summary>
    public double ItchOffset { get; init; } = 0.35;

    /// <summary>SD of the itch log-ratio noise.</summary>
    public double ItchNoiseSd { get; init; } = 0.35;

    /// <summary>
    /// SOLO-like settings: placebo and active 1:1, EASI-75 rates at week 16 as given, reached along 1 − exp(−t/4 weeks)
    /// (normalised to week 16, flat after) on the log-ratio scale.
    /// </summary>
    /// <param name="participants">Participants, ≥ 2.</param>
    /// <param name="visitWeeks">Visit weeks from 0; default 0, 2, 4, 8, 12, 16.</param>
    /// <param name="placeboEasi75">Placebo EASI-75 rate at week 16 (SOLO 1: 15 %).</param>
    /// <param name="activeEasi75">Active EASI-75 rate at week 16 (SOLO 1/2 q2w: 51 % / 44 %).</param>
    public static TrialSettings SoloLike(int participants = 240, IReadOnlyList<int>? visitWeeks = null, double placeboEasi75 = 0.15, double activeEasi75 = 0.48)
    {
        var settings = new TrialSettings { Participants = participants };
        var weeks = visitWeeks ?? settings.VisitWeeks;
        return settings with
        {
            VisitWeeks = weeks,
            Arms = [Arm("placebo", placeboEasi75, weeks, settings.LogRatioSd), Arm("active", activeEasi75, weeks, settings.LogRatioSd)],
        };
    }

    private static ArmProfile Arm(string name, double rateAtWeek16, IReadOnlyList<int> weeks, double sd)
    {
        // The log-ratio mean μ(t) = μ₁₆·shape(t); the arithmetic mean percent change is 100(exp(μ + σ²/2) − 1).
        var mu16 = ArmProfile.LogRatioMean(ArmProfile.MeanPercentChangeForEasi75(rateAtWeek16, sd), sd);
        var means = new double[weeks.Count];
        for (var i = 0; i < weeks.Count; i++)
        {
            var shape = Math.Min(1, (1 - Math.Exp(-weeks[i] / 4.0)) / (1 - Math.Exp(-16 / 4.0)));
            means[i] = weeks[i] == 0 ? 0 : 100 * (Math.Exp((mu16 * shape) + (sd * sd / 2)) - 1);
        }

        return new ArmProfile(name, 1, means);
    }
}
