using Dermis.Trials.Protocol;

namespace Dermis.Trials.Participants;

/// <summary>The outcome of an eligibility checklist.</summary>
/// <param name="IsComplete">Every criterion answered.</param>
/// <param name="IsEligible">Complete, every inclusion criterion met (yes) and no exclusion criterion met (no).</param>
/// <param name="Failed">Criteria that make the participant ineligible.</param>
/// <param name="Unanswered">Criteria without an answer.</param>
public sealed record EligibilityResult(bool IsComplete, bool IsEligible, IReadOnlyList<string> Failed, IReadOnlyList<string> Unanswered);

/// <summary>Evaluates the protocol's eligibility checklist.</summary>
public static class Eligibility
{
    /// <summary>Evaluates <paramref name="answers"/> (criterion id → met) against the protocol's criteria.</summary>
    /// <exception cref="ArgumentException">An answer names a criterion the protocol does not have.</exception>
    public static EligibilityResult Evaluate(ProtocolDefinition protocol, IReadOnlyDictionary<string, bool> answers)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var id in answers.Keys)
        {
            if (!protocol.Eligibility.Any(c => c.Id == id))
            {
                throw new ArgumentException(
                    $"'{id}' is not an eligibility criterion of {protocol.StudyId} {protocol.Version}; allowed: {string.Join(", ", protocol.Eligibility.Select(c => c.Id))}",
                    nameof(answers));
            }
        }

        var failed = new List<string>();
        var unanswered = new List<string>();
        foreach (var criterion in protocol.Eligibility)
        {
            if (!answers.TryGetValue(criterion.Id, out var met))
            {
                unanswered.Add(criterion.Id);
            }
            else if (met != (criterion.Kind == CriterionKind.Inclusion))
            {
                failed.Add(criterion.Id);
            }
        }

        return new EligibilityResult(unanswered.Count == 0, unanswered.Count == 0 && failed.Count == 0, failed, unanswered);
    }
}
