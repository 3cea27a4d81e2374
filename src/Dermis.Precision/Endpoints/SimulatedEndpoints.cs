using Dermis.Precision.Continuous;
using Dermis.Precision.Design;

namespace Dermis.Precision.Endpoints;

/// <summary>
/// The platform's own trial generator (<see cref="TrialSimulator"/>) seen through the endpoint analyses:
/// a simulated trial as an <see cref="EndpointDataset"/>, and the MMRM trial function that gives the
/// simulated power of the continuous endpoint where no closed form exists.
/// </summary>
public static class SimulatedEndpoints
{
    /// <summary>
    /// The trial as the analyses read a study: visit week w is visit <c>week{w}</c> on day 7·w + 1; strata are
    /// region and baseline vIGA-AD; a participant who discontinued before a visit is discontinued the day before it.
    /// </summary>
    public static EndpointDataset Dataset(SimulatedTrial trial, string treatedArm, string controlArm)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var weeks = trial.Settings.VisitWeeks;
        var visits = weeks.Where(w => w > 0).Select(w => new AnalysisVisit($"week{w}", $"Week {w}", (7 * w) + 1)).ToList();
        var participants = new List<EndpointParticipant>(trial.Participants.Count);
        foreach (var p in trial.Participants)
        {
            int? discontinued = null;
            var values = new List<EndpointVisitValues>();
            for (var i = 0; i < weeks.Count; i++)
            {
                var visit = p.Visits[i];
                if (weeks[i] == 0)
                {
                    continue;
                }

                var day = (7 * weeks[i]) + 1;
                if (visit.DiscontinuedBefore)
                {
                    discontinued ??= day - 1;
                }

                if (visit.Easi is not null || visit.Iga is not null || visit.Itch is not null)
                {
                    values.Add(new EndpointVisitValues($"week{weeks[i]}", new EndpointValues(visit.Easi, visit.Iga, visit.Itch, null), visit.RescuedBefore));
                }
            }

            participants.Add(new EndpointParticipant(p.Subject, "simulated", p.Arm, [p.Region, p.BaselineIga.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                new EndpointValues(p.BaselineEasi, p.BaselineIga, p.BaselineItch, null), discontinued, values));
        }

        return new EndpointDataset("simulated", visits, ["region", "baselineViga"], treatedArm, controlArm, participants);
    }

    /// <summary>
    /// A trial function for <see cref="Power.Simulate"/>: simulates a trial and tests the EASI percent change at
    /// <paramref name="week"/> by MMRM (unstructured, Kenward–Roger) at two-sided <paramref name="alpha"/>. A fit that
    /// fails or does not converge counts as not rejecting.
    /// </summary>
    public static Func<Random, bool> MmrmTrial(TrialSimulator simulator, int week, string treatedArm, string controlArm, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        if (!simulator.Settings.VisitWeeks.Contains(week) || week == 0)
        {
            throw new ArgumentException($"week = {week} is not a post-baseline visit week; allowed {string.Join(", ", simulator.Settings.VisitWeeks.Where(w => w > 0))}.", nameof(week));
        }

        return random =>
        {
            var dataset = Dataset(simulator.Simulate(random), treatedArm, controlArm);
            var endpoint = ContinuousEndpoints.Of(dataset).First();
            try
            {
                var fit = Mmrm.Fit(ContinuousEndpoints.Observations(dataset, endpoint), new MmrmOptions { VisitOrder = dataset.Visits.Select(v => v.Id).ToList(), ReferenceArm = controlArm });
                return fit.Converged && fit.Contrasts.Single(c => c.Visit == $"week{week}" && c.Arm == treatedArm).P < alpha;
            }
            catch (ArgumentException)
            {
                return false;
            }
        };
    }
}
