using Dermis.Precision.Continuous;
using Dermis.Precision.Responders;

namespace Dermis.Precision.Endpoints;

/// <summary>Options of <see cref="EndpointAnalysis.Run"/>.</summary>
public sealed record EndpointAnalysisOptions
{
    /// <summary>The visit of the primary comparison; null = the last analysis visit on or before day 113 (week 16), else the last visit.</summary>
    public string? PrimaryVisit { get; init; }

    /// <summary>Residual covariance of the MMRM (default unstructured, as SAPs of phase-3 dermatology trials specify).</summary>
    public CovarianceStructure Covariance { get; init; } = CovarianceStructure.Unstructured;

    /// <summary>Denominator degrees of freedom of the MMRM (default Kenward–Roger).</summary>
    public DegreesOfFreedomMethod DegreesOfFreedom { get; init; } = DegreesOfFreedomMethod.KenwardRoger;

    /// <summary>Confidence level of every interval (default 0.95).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;
}

/// <summary>
/// A study's endpoint analyses, as a phase-3 atopic dermatitis SAP lays them out: responder
/// endpoints (EASI-50/75/90, IGA 0/1, itch NRS ≥ 4-point, HECSI-75) at every visit under
/// non-responder imputation (primary) and as observed (sensitivity), with the CMH test stratified
/// by the randomisation strata and the stratified Miettinen–Nurminen risk difference; continuous
/// endpoints (EASI percent change, itch NRS change, HECSI percent change) by MMRM over the visits
/// and ANCOVA at the primary visit.
/// </summary>
public static class EndpointAnalysis
{
    /// <summary>Analyses <paramref name="dataset"/>.</summary>
    /// <exception cref="ArgumentException">The primary visit is not an analysis visit, or the dataset has no visits.</exception>
    public static EndpointResults Run(EndpointDataset dataset, EndpointAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= new EndpointAnalysisOptions();
        if (dataset.Visits.Count == 0)
        {
            throw new ArgumentException($"Study {dataset.Study} has no scheduled visit after baseline to analyse.", nameof(dataset));
        }

        var primary = options.PrimaryVisit ?? DefaultPrimaryVisit(dataset.Visits);
        if (dataset.Visits.All(v => v.Id != primary))
        {
            throw new ArgumentException(
                $"primaryVisit: '{primary}' is not an analysis visit; allowed: {string.Join(", ", dataset.Visits.Select(v => v.Id))}.", nameof(options));
        }

        var participants = dataset.Participants.GroupBy(p => p.Arm, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var responders = new List<ResponderAnalysis>();
        foreach (var endpoint in ResponderEndpoints(dataset))
        {
            foreach (var rule in new[] { IntercurrentEventRule.NonResponderImputation, IntercurrentEventRule.AsObserved })
            {
                foreach (var visit in dataset.Visits)
                {
                    var inputs = ResponderInputs(dataset, endpoint, visit);
                    responders.Add(ResponderAnalyses.Analyse(endpoint, visit.Id, inputs, dataset.TreatedArm, dataset.ControlArm, rule));
                }
            }
        }

        var continuous = new List<ContinuousEndpointResult>();
        foreach (var endpoint in ContinuousEndpoints.Of(dataset))
        {
            continuous.Add(Fit(dataset, endpoint, primary, options));
        }

        return new EndpointResults(dataset.Study, dataset.TreatedArm, dataset.ControlArm, primary, dataset.Visits, participants, responders, continuous);
    }

    /// <summary>The last visit on or before day 113 (the week-16 primary endpoint of AD trials), else the last visit.</summary>
    public static string DefaultPrimaryVisit(IReadOnlyList<AnalysisVisit> visits)
    {
        ArgumentNullException.ThrowIfNull(visits);
        return (visits.LastOrDefault(v => v.Day <= 113) ?? visits[^1]).Id;
    }

    /// <summary>Responder endpoints with a baseline in at least one participant.</summary>
    private static IEnumerable<ResponderEndpoint> ResponderEndpoints(EndpointDataset dataset)
    {
        var p = dataset.Participants;
        if (p.Any(x => x.Baseline.Easi is not null))
        {
            yield return ResponderEndpoint.Easi50;
            yield return ResponderEndpoint.Easi75;
            yield return ResponderEndpoint.Easi90;
        }

        if (p.Any(x => x.Baseline.Viga is not null))
        {
            yield return ResponderEndpoint.IgaZeroOne;
        }

        if (p.Any(x => x.Baseline.Itch is not null))
        {
            yield return ResponderEndpoint.ItchFourPoint;
        }

        if (p.Any(x => x.Baseline.Hecsi is not null))
        {
            yield return ResponderEndpoint.Hecsi75;
        }
    }

    /// <summary>One input per randomised participant of the two arms: baseline and value of the endpoint's instrument at <paramref name="visit"/>.</summary>
    public static List<ResponderInput> ResponderInputs(EndpointDataset dataset, ResponderEndpoint endpoint, AnalysisVisit visit)
    {
        Func<EndpointValues, decimal?> score = endpoint switch
        {
            ResponderEndpoint.IgaZeroOne => v => v.Viga,
            ResponderEndpoint.ItchFourPoint => v => v.Itch,
            ResponderEndpoint.Hecsi75 => v => v.Hecsi,
            _ => v => v.Easi,
        };
        var inputs = new List<ResponderInput>(dataset.Participants.Count);
        foreach (var participant in dataset.Participants)
        {
            var at = participant.Visits.FirstOrDefault(v => v.Visit == visit.Id);
            inputs.Add(new ResponderInput(
                participant.Subject,
                participant.Arm,
                participant.Stratum,
                score(participant.Baseline),
                at is null ? null : score(at.Values),
                at?.RescuedBefore ?? participant.Visits.Any(v => v.RescuedBefore && Day(dataset, v.Visit) < visit.Day),
                participant.DiscontinuedOnDay is { } day && day < visit.Day));
        }

        return inputs;
    }

    private static IEnumerable<CovarianceStructure> FallbackOrder(CovarianceStructure requested) =>
        new[] { requested, CovarianceStructure.Ar1, CovarianceStructure.CompoundSymmetry }.Distinct();

    private static string Name(CovarianceStructure structure) => structure switch
    {
        CovarianceStructure.Unstructured => "unstructured",
        CovarianceStructure.Ar1 => "AR(1)",
        _ => "compound-symmetry",
    };

    private static int Day(EndpointDataset dataset, string visit) => dataset.Visits.FirstOrDefault(v => v.Id == visit)?.Day ?? int.MaxValue;

    private static ContinuousEndpointResult Fit(EndpointDataset dataset, ContinuousEndpoints.Definition endpoint, string primary, EndpointAnalysisOptions options)
    {
        var rows = ContinuousEndpoints.Observations(dataset, endpoint);
        MmrmResult? mmrm = null;
        string? mmrmProblem = null;
        string? fallback = null;
        // As SAPs prescribe: when the requested structure does not converge (unstructured has T(T+1)/2 parameters and
        // often fails on small or ragged data), fall back to AR(1), then compound symmetry, and say so.
        foreach (var structure in FallbackOrder(options.Covariance))
        {
            try
            {
                var fit = Mmrm.Fit(rows, new MmrmOptions
                {
                    VisitOrder = dataset.Visits.Select(v => v.Id).ToList(),
                    ReferenceArm = dataset.ControlArm,
                    Covariance = structure,
                    DegreesOfFreedom = options.DegreesOfFreedom,
                    ConfidenceLevel = options.ConfidenceLevel,
                });
                if (fit.Converged)
                {
                    mmrm = fit;
                    mmrmProblem = null;
                    fallback = structure == options.Covariance ? null : $"{Name(options.Covariance)} covariance did not converge; {Name(structure)} used";
                    break;
                }

                mmrmProblem = $"the REML fit did not converge with {Name(options.Covariance)}, AR(1) or compound-symmetry covariance";
            }
            catch (ArgumentException e)
            {
                mmrmProblem = e.Message;
                break;
            }
        }

        AncovaResult? ancova = null;
        string? ancovaProblem = null;
        try
        {
            ancova = Ancova.Fit(rows.Where(r => r.Visit == primary).ToList(), new AncovaOptions { ReferenceArm = dataset.ControlArm, ConfidenceLevel = options.ConfidenceLevel });
        }
        catch (ArgumentException e)
        {
            ancovaProblem = e.Message;
        }

        return new ContinuousEndpointResult(endpoint.Name, endpoint.Unit, mmrm, mmrmProblem, ancova, ancovaProblem) { CovarianceNote = fallback };
    }
}
