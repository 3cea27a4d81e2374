using Dermis.Precision.Advice;
using Dermis.Precision.Biomarkers;
using Dermis.Precision.Endpoints;
using Dermis.Precision.Prediction;
using Dermis.Precision.Responders;

namespace Dermis.Server.Precision;

/// <summary>
/// The inputs of the prediction, advice and biomarker models, built from the endpoint dataset and
/// each participant's sensor and single-cell features (docs/statistics.md, "Prediction and advice").
/// </summary>
public static class PrecisionInputs
{
    /// <summary>Feature names of the baseline: clinical scores, then sensors, then cell fractions (<c>cells: TYPE</c>).</summary>
    public const string BaselineEasi = "baseline EASI", BaselineViga = "baseline vIGA-AD", BaselineItch = "baseline itch NRS",
        BaselineScratch = "baseline scratch s/h", BaselineSleepEfficiency = "baseline sleep efficiency %", CellPrefix = "cells: ";

    /// <summary>Feature names of the early response.</summary>
    public const string Treated = "treated arm", EarlyEasi75 = "EASI-75 at the early visit", EarlyEasiChange = "EASI % change at the early visit",
        EarlyIga = "IGA 0/1 at the early visit", EarlyItch = "itch ≥4 at the early visit";

    /// <summary>The baseline features of a participant (null where not measured).</summary>
    public static Dictionary<string, double?> Baseline(EndpointParticipant participant, ParticipantFeatures? features)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var row = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            [BaselineEasi] = (double?)participant.Baseline.Easi,
            [BaselineViga] = (double?)participant.Baseline.Viga,
            [BaselineItch] = (double?)participant.Baseline.Itch,
            [BaselineScratch] = features?.BaselineScratch,
            [BaselineSleepEfficiency] = features?.BaselineSleepEfficiency,
        };
        foreach (var (type, fraction) in features?.BaselineFractions ?? new Dictionary<string, double>())
        {
            row[CellPrefix + type] = fraction;
        }

        return row;
    }

    /// <summary>Features measured in at least <paramref name="minimumShare"/> of <paramref name="rows"/> and not constant.</summary>
    public static List<string> UsableFeatures(IEnumerable<IReadOnlyDictionary<string, double?>> rows, double minimumShare = 0.2)
    {
        var list = rows.ToList();
        return list.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(name =>
            {
                var values = list.Select(r => r.GetValueOrDefault(name)).Where(v => v is not null).Select(v => v!.Value).ToList();
                return values.Count >= Math.Max(2, minimumShare * list.Count) && values.Max() - values.Min() > 0;
            })
            .ToList();
    }

    /// <summary>
    /// Early response → long-term response: one row per participant whose late outcome is known
    /// (data at <paramref name="lateVisit"/> or discontinued before it): EASI-75 at the late visit
    /// under NRI as the outcome; arm, early-visit response and baseline as features.
    /// </summary>
    public static List<FeatureRow> EarlyResponse(EndpointDataset dataset, IReadOnlyDictionary<string, ParticipantFeatures> features, string earlyVisit, string lateVisit)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var early = dataset.Visits.Single(v => v.Id == earlyVisit);
        var late = dataset.Visits.Single(v => v.Id == lateVisit);
        var rows = new List<FeatureRow>();
        var lateInputs = EndpointAnalysis.ResponderInputs(dataset, ResponderEndpoint.Easi75, late).ToDictionary(i => i.Subject, StringComparer.Ordinal);
        foreach (var participant in dataset.Participants)
        {
            if (!Easi75Known(participant, late))
            {
                continue;
            }

            var row = Baseline(participant, features.GetValueOrDefault(participant.Subject));
            row[Treated] = participant.Arm == dataset.TreatedArm ? 1 : 0;
            var at = participant.Visits.FirstOrDefault(v => v.Visit == early.Id)?.Values;
            row[EarlyEasi75] = Flag(Classify(ResponderEndpoint.Easi75, participant, at?.Easi, participant.Baseline.Easi, early));
            row[EarlyEasiChange] = at?.Easi is { } e ? (double)((e - participant.Baseline.Easi!.Value) * 100m / participant.Baseline.Easi.Value) : null;
            row[EarlyIga] = Flag(Classify(ResponderEndpoint.IgaZeroOne, participant, at?.Viga, participant.Baseline.Viga, early));
            row[EarlyItch] = Flag(Classify(ResponderEndpoint.ItchFourPoint, participant, at?.Itch, participant.Baseline.Itch, early));
            var outcome = ResponderRules.Classify(ResponderEndpoint.Easi75, lateInputs[participant.Subject], IntercurrentEventRule.NonResponderImputation);
            rows.Add(new FeatureRow(participant.Subject, row, outcome == ResponderOutcome.Responder));
        }

        return rows;
    }

    /// <summary>Advice training rows: baseline features and EASI-75 at <paramref name="visit"/> (NRI) of participants whose outcome there is known.</summary>
    public static List<AdviceTrainingRow> Advice(EndpointDataset dataset, IReadOnlyDictionary<string, ParticipantFeatures> features, string visit)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var at = dataset.Visits.Single(v => v.Id == visit);
        var inputs = EndpointAnalysis.ResponderInputs(dataset, ResponderEndpoint.Easi75, at).ToDictionary(i => i.Subject, StringComparer.Ordinal);
        var rows = new List<AdviceTrainingRow>();
        foreach (var participant in dataset.Participants)
        {
            if (!Easi75Known(participant, at))
            {
                continue;
            }

            var outcome = ResponderRules.Classify(ResponderEndpoint.Easi75, inputs[participant.Subject], IntercurrentEventRule.NonResponderImputation);
            rows.Add(new AdviceTrainingRow(participant.Subject, participant.Arm, Baseline(participant, features.GetValueOrDefault(participant.Subject)), outcome == ResponderOutcome.Responder));
        }

        return rows;
    }

    /// <summary>
    /// Biomarker × outcome pairs over time: the mean nightly scratch of the 7 nights before each visit
    /// (and before day 1 for baseline), and each cell type's fraction of every sample paired with the
    /// visit nearest its collection day within 7 days; outcomes EASI and the weekly itch NRS.
    /// </summary>
    public static Dictionary<(string Biomarker, string Outcome), List<BiomarkerObservation>> Biomarkers(EndpointDataset dataset, IReadOnlyDictionary<string, ParticipantFeatures> features)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var pairs = new Dictionary<(string, string), List<BiomarkerObservation>>();
        void Add(string biomarker, string outcome, string subject, int day, double value, decimal? score)
        {
            if (score is not { } s)
            {
                return;
            }

            if (!pairs.TryGetValue((biomarker, outcome), out var list))
            {
                pairs[(biomarker, outcome)] = list = [];
            }

            list.Add(new BiomarkerObservation(subject, day, value, (double)s));
        }

        foreach (var participant in dataset.Participants)
        {
            if (!features.TryGetValue(participant.Subject, out var f))
            {
                continue;
            }

            var timeline = new List<(int Day, EndpointValues Values)> { (1, participant.Baseline) };
            timeline.AddRange(participant.Visits.Select(v => (dataset.Visits.First(x => x.Id == v.Visit).Day, v.Values)));
            foreach (var (day, values) in timeline)
            {
                if (f.ScratchBefore(day) is { } scratch)
                {
                    Add("nightly scratch s/h", "EASI", participant.Subject, day, scratch, values.Easi);
                    Add("nightly scratch s/h", "itch NRS", participant.Subject, day, scratch, values.Itch);
                }
            }

            foreach (var (sampleDay, fractions) in f.Samples)
            {
                var nearest = timeline.OrderBy(t => Math.Abs(t.Day - sampleDay)).First();
                if (Math.Abs(nearest.Day - sampleDay) > 7)
                {
                    continue;
                }

                foreach (var (type, fraction) in fractions)
                {
                    Add(CellPrefix + type, "EASI", participant.Subject, nearest.Day, fraction, nearest.Values.Easi);
                    Add(CellPrefix + type, "itch NRS", participant.Subject, nearest.Day, fraction, nearest.Values.Itch);
                }
            }
        }

        return pairs;
    }

    /// <summary>EASI-75 at <paramref name="visit"/> is decided: a baseline above 0, and an EASI there or a discontinuation before it (NRI).</summary>
    private static bool Easi75Known(EndpointParticipant participant, AnalysisVisit visit) =>
        participant.Baseline.Easi is > 0 &&
        (participant.Visits.Any(v => v.Visit == visit.Id && v.Values.Easi is not null) || participant.DiscontinuedOnDay is { } d && d < visit.Day);

    private static ResponderOutcome Classify(ResponderEndpoint endpoint, EndpointParticipant participant, decimal? value, decimal? baseline, AnalysisVisit visit) =>
        ResponderRules.Classify(endpoint, new ResponderInput(participant.Subject, participant.Arm, participant.Stratum, baseline, value, false,
            participant.DiscontinuedOnDay is { } d && d < visit.Day), IntercurrentEventRule.NonResponderImputation);

    private static double? Flag(ResponderOutcome outcome) => outcome switch
    {
        ResponderOutcome.Responder => 1,
        ResponderOutcome.NonResponder => 0,
        _ => null,
    };
}
