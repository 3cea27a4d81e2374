using System.Globalization;
using Dermis.Precision.Responders;
using MathNet.Numerics.Distributions;

namespace Dermis.Precision.Design;

/// <summary>
/// Seeded longitudinal simulator of a moderate-to-severe atopic dermatitis trial. Per participant: region (equal shares),
/// baseline EASI log-normal around 30 (SOLO baseline mean ≈ 33) redrawn until 16–72 (inclusion EASI ≥ 16), baseline vIGA-AD 4 with
/// probability logistic((EASI − 32)/6) else 3, baseline itch NRS round(N(7.3, 1.7)) in 0–10, randomised by permuted blocks of
/// 2 × Σ allocation weights within region × IGA. Post-baseline ln(EASIₜ/EASI₀) = μ_arm(t) + σ(√ρ·b + √(1 − ρ)·eₜ), b ~ N(0, 1)
/// per participant, eₜ AR(1) over visits — so each visit's marginal is N(μ, σ²) and the configured rates hold exactly before
/// rounding. vIGA-AD and itch follow the EASI ratio through the links in <see cref="TrialSettings"/>. Dropout has a constant
/// hazard per visit; rescue may start after a visit below EASI-50 and, as a flag only, does not change later values.
/// </summary>
public sealed class TrialSimulator
{
    private readonly TrialSettings _settings;
    private readonly double[][] _logRatioMeans;

    /// <summary>Validates <paramref name="settings"/> and precomputes the arm trajectories.</summary>
    /// <exception cref="ArgumentException">A setting outside its range (the message names it).</exception>
    public TrialSimulator(TrialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        TrialSettingsGuard.Validate(settings);
        _settings = settings;
        _logRatioMeans = new double[settings.Arms.Count][];
        for (var a = 0; a < settings.Arms.Count; a++)
        {
            _logRatioMeans[a] = settings.Arms[a].MeanPercentChange.Select(m => ArmProfile.LogRatioMean(m, settings.LogRatioSd)).ToArray();
        }
    }

    /// <summary>The validated settings.</summary>
    public TrialSettings Settings => _settings;

    /// <summary>Simulates one trial from <paramref name="seed"/>; the same seed gives the same trial.</summary>
    public SimulatedTrial Simulate(int seed) => Simulate(new Random(seed));

    /// <summary>Simulates one trial drawing from <paramref name="random"/>.</summary>
    public SimulatedTrial Simulate(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var s = _settings;
        var blocks = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        var participants = new SimulatedParticipant[s.Participants];
        var hazard = 1 - Math.Pow(1 - s.DropoutByLastVisit, 1.0 / (s.VisitWeeks.Count - 1));
        for (var i = 0; i < participants.Length; i++)
        {
            var region = s.Regions[random.Next(s.Regions.Count)];
            var easi0 = BaselineEasi(random);
            var iga0 = random.NextDouble() < 1 / (1 + Math.Exp(-((double)easi0 - 32) / 6)) ? 4 : 3;
            var itch0 = Math.Clamp(Math.Round(Normal.Sample(random, 7.3, 1.7)), 0, 10);
            var stratum = string.Create(CultureInfo.InvariantCulture, $"{region}/IGA{iga0}");
            var arm = NextArm(blocks, stratum, random);
            participants[i] = new SimulatedParticipant(
                string.Create(CultureInfo.InvariantCulture, $"S{i + 1:D4}"), s.Arms[arm].Name, region, stratum, easi0, iga0, (decimal)itch0,
                Visits(random, arm, easi0, iga0, itch0, hazard));
        }

        return new SimulatedTrial(s, participants);
    }

    /// <summary>
    /// A trial function for <see cref="Power.Simulate"/>: simulates a trial and tests EASI-75 at <paramref name="week"/> with
    /// non-responder imputation and the CMH test (continuity-corrected, as R's default) at two-sided <paramref name="alpha"/>.
    /// A trial in which no stratum is informative does not reject.
    /// </summary>
    public Func<Random, bool> Easi75Trial(int week, string treatedArm, string controlArm, double alpha = 0.05)
    {
        DesignGuard.Probability(alpha, nameof(alpha));
        return random =>
        {
            var trial = Simulate(random);
            var analysis = ResponderAnalyses.Analyse(ResponderEndpoint.Easi75, $"week {week}", trial.ResponderInputs(ResponderEndpoint.Easi75, week), treatedArm, controlArm, IntercurrentEventRule.NonResponderImputation);
            return analysis.Cmh is { } cmh && cmh.P < alpha;
        };
    }

    private static decimal BaselineEasi(Random random)
    {
        while (true)
        {
            var easi = Math.Round((decimal)Math.Exp(Normal.Sample(random, Math.Log(30), 0.4)), 1, MidpointRounding.AwayFromZero);
            if (easi is >= 16m and <= 72m)
            {
                return easi;
            }
        }
    }

    private int NextArm(Dictionary<string, Queue<int>> blocks, string stratum, Random random)
    {
        if (!blocks.TryGetValue(stratum, out var queue) || queue.Count == 0)
        {
            var block = new List<int>();
            for (var a = 0; a < _settings.Arms.Count; a++)
            {
                block.AddRange(Enumerable.Repeat(a, 2 * _settings.Arms[a].AllocationWeight));
            }

            for (var i = block.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (block[i], block[j]) = (block[j], block[i]);
            }

            queue = new Queue<int>(block);
            blocks[stratum] = queue;
        }

        return queue.Dequeue();
    }

    private SimulatedVisit[] Visits(Random random, int arm, decimal easi0, int iga0, double itch0, double hazard)
    {
        var s = _settings;
        var visits = new SimulatedVisit[s.VisitWeeks.Count];
        visits[0] = new SimulatedVisit(0, easi0, iga0, (decimal)itch0, false, false);
        var subject = Normal.Sample(random, 0, 1);
        var ar = Normal.Sample(random, 0, 1);
        bool dropped = false, rescued = false;
        for (var v = 1; v < visits.Length; v++)
        {
            if (v > 1)
            {
                ar = (s.VisitAutocorrelation * ar) + (Math.Sqrt(1 - (s.VisitAutocorrelation * s.VisitAutocorrelation)) * Normal.Sample(random, 0, 1));
            }

            // Draw every visit's noise even after dropout, so dropout settings do not shift the random stream of later participants' values.
            var logRatio = _logRatioMeans[arm][v] + (s.LogRatioSd * ((Math.Sqrt(s.SubjectVarianceShare) * subject) + (Math.Sqrt(1 - s.SubjectVarianceShare) * ar)));
            var igaNoise = Normal.Sample(random, 0, s.IgaNoiseSd);
            var itchNoise = Normal.Sample(random, 0, s.ItchNoiseSd);
            dropped |= random.NextDouble() < hazard;
            var rescuedBefore = rescued;
            if (dropped)
            {
                visits[v] = new SimulatedVisit(s.VisitWeeks[v], null, null, null, rescuedBefore, true);
                continue;
            }

            var easi = Math.Round((decimal)Math.Clamp((double)easi0 * Math.Exp(logRatio), 0, 72), 1, MidpointRounding.AwayFromZero);
            var iga = Math.Clamp(Math.Round(iga0 + (s.IgaPerLogRatio * logRatio) + igaNoise, MidpointRounding.AwayFromZero), 0, 4);
            var itch = Math.Clamp(Math.Round(itch0 * Math.Exp((s.ItchPerLogRatio * logRatio) + s.ItchOffset + itchNoise), MidpointRounding.AwayFromZero), 0, 10);
            visits[v] = new SimulatedVisit(s.VisitWeeks[v], easi, (decimal)iga, (decimal)itch, rescuedBefore, false);
            if (!rescued && s.VisitWeeks[v] >= s.RescueFromWeek && (easi0 - easi) * 2 < easi0 && random.NextDouble() < s.RescuePerVisit)
            {
                rescued = true;
            }
        }

        return visits;
    }
}
