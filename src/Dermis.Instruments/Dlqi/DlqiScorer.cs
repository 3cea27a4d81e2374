using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Dlqi;

/// <summary>
/// A DLQI answer. Question 7 takes <see cref="Yes"/> (scores 3) or, after "No", the follow-up
/// <see cref="ALot"/>, <see cref="ALittle"/>, <see cref="NotAtAll"/> or <see cref="NotRelevant"/>.
/// </summary>
public enum DlqiAnswer
{
    /// <summary>Very much: 3. Not on question 7.</summary>
    VeryMuch,

    /// <summary>A lot: 2.</summary>
    ALot,

    /// <summary>A little: 1.</summary>
    ALittle,

    /// <summary>Not at all: 0.</summary>
    NotAtAll,

    /// <summary>Not relevant: 0, flagged (the DLQI-R variant rescores it).</summary>
    NotRelevant,

    /// <summary>Question 7 only: "Yes, my skin prevented me from working or studying": 3.</summary>
    Yes,
}

/// <summary>DLQI bands (Hongbo et al., J Invest Dermatol 2005;125:659–64).</summary>
public enum DlqiBand
{
    /// <summary>0–1: no effect on the patient's life.</summary>
    NoEffect,

    /// <summary>2–5: small effect.</summary>
    Small,

    /// <summary>6–10: moderate effect.</summary>
    Moderate,

    /// <summary>11–20: very large effect.</summary>
    VeryLarge,

    /// <summary>21–30: extremely large effect.</summary>
    ExtremelyLarge,
}

/// <summary>The six DLQI subscales; null where an item of the subscale is unanswered and the DLQI is not scored.</summary>
/// <param name="SymptomsAndFeelings">Questions 1–2, 0–6.</param>
/// <param name="DailyActivities">Questions 3–4, 0–6.</param>
/// <param name="Leisure">Questions 5–6, 0–6.</param>
/// <param name="WorkAndSchool">Question 7, 0–3.</param>
/// <param name="PersonalRelationships">Questions 8–9, 0–6.</param>
/// <param name="Treatment">Question 10, 0–3.</param>
public sealed record DlqiSubscales(int? SymptomsAndFeelings, int? DailyActivities, int? Leisure, int? WorkAndSchool, int? PersonalRelationships, int? Treatment);

/// <summary>A DLQI result.</summary>
/// <param name="Answers">The ten answers as given (null = unanswered).</param>
/// <param name="Total">0–30; null with two or more unanswered (see <paramref name="MissingReason"/>).</param>
/// <param name="Band">Band of <paramref name="Total"/>.</param>
/// <param name="Subscales">The six subscales.</param>
/// <param name="NotRelevantCount">How many questions were answered "not relevant" (scored 0).</param>
/// <param name="MissingReason">Why <paramref name="Total"/> is null.</param>
public sealed record DlqiScore(IReadOnlyList<DlqiAnswer?> Answers, int? Total, DlqiBand? Band, DlqiSubscales Subscales, int NotRelevantCount, string? MissingReason)
{
    /// <summary>Instrument and rules version that produced this score (kept with it, so a later rules change is traceable).</summary>
    public InstrumentInfo Instrument { get; init; } = DlqiScorer.Info;
}

/// <summary>
/// Dermatology Life Quality Index (Finlay &amp; Khan, Clin Exp Dermatol 1994;19:210–16), ages 16+:
/// ten questions scored 3/2/1/0, "not relevant" 0; question 7 "Yes" 3 or, after "No", a lot 2 /
/// a little 1 / not at all 0. One unanswered question scores 0; two or more: not scored.
/// © M.S. Salek, A.Y. Finlay 1992; free for routine clinical use, research use by permission.
/// </summary>
public static class DlqiScorer
{
    /// <summary>Instrument and rules version.</summary>
    public static InstrumentInfo Info { get; } = new(
        "dlqi",
        "DLQI (Finlay & Khan 1994); bands Hongbo 2005; one unanswered scored 0, two or more not scored; dermis-rules 1",
        "Finlay AY, Khan GK. Clin Exp Dermatol 1994;19:210-16. Hongbo Y et al. J Invest Dermatol 2005;125:659-64.");

    /// <summary>Number of questions.</summary>
    public const int QuestionCount = 10;

    /// <summary>Index of question 7 (work and study), the one with the Yes/No branch.</summary>
    public const int WorkQuestionIndex = 6;

    /// <summary>Scores ten answers.</summary>
    /// <exception cref="InstrumentValidationException">Not ten answers, or an answer that its question does not offer.</exception>
    public static DlqiScore Score(IReadOnlyList<DlqiAnswer?> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new InputErrors(Info.Id);
        if (answers.Count != QuestionCount)
        {
            errors.Add("answers", $"has {answers.Count} entries; the DLQI has exactly {QuestionCount} questions (null for unanswered)");
            errors.ThrowIfAny();
        }

        var points = new int[QuestionCount];
        var unanswered = new List<int>();
        var notRelevant = 0;
        for (var q = 0; q < QuestionCount; q++)
        {
            var answer = answers[q];
            if (answer is null)
            {
                unanswered.Add(q);
                continue;
            }

            if (q == WorkQuestionIndex ? answer == DlqiAnswer.VeryMuch : answer == DlqiAnswer.Yes)
            {
                errors.Add($"answers[{q}]", q == WorkQuestionIndex
                    ? "question 7 does not offer \"very much\"; allowed: yes, or after \"No\": aLot, aLittle, notAtAll, notRelevant"
                    : $"\"yes\" is only an answer to question 7; allowed: veryMuch, aLot, aLittle, notAtAll, notRelevant");
                continue;
            }

            notRelevant += answer == DlqiAnswer.NotRelevant ? 1 : 0;
            points[q] = Points(answer.Value);
        }

        errors.ThrowIfAny();

        // One unanswered question scores 0 and the total stands; with two or more nothing is scored
        // except the subscales whose questions were all answered.
        var scored = unanswered.Count <= 1;
        int? Sum(int from, int to)
        {
            for (var q = from; q <= to; q++)
            {
                if (!scored && unanswered.Contains(q))
                {
                    return null;
                }
            }

            var sum = 0;
            for (var q = from; q <= to; q++)
            {
                sum += points[q];
            }

            return sum;
        }

        var subscales = new DlqiSubscales(Sum(0, 1), Sum(2, 3), Sum(4, 5), Sum(6, 6), Sum(7, 8), Sum(9, 9));
        if (!scored)
        {
            var which = string.Join(", ", unanswered.Select(q => q + 1));
            return new DlqiScore(answers, null, null, subscales, notRelevant,
                $"{unanswered.Count} questions unanswered ({which}); the DLQI is not scored with two or more unanswered");
        }

        var total = Sum(0, 9)!.Value;
        return new DlqiScore(answers, total, BandOf(total), subscales, notRelevant, null);
    }

    /// <summary>The band of a DLQI total.</summary>
    public static DlqiBand BandOf(int total) => total switch
    {
        <= 1 => DlqiBand.NoEffect,
        <= 5 => DlqiBand.Small,
        <= 10 => DlqiBand.Moderate,
        <= 20 => DlqiBand.VeryLarge,
        _ => DlqiBand.ExtremelyLarge,
    };

    private static int Points(DlqiAnswer answer) => answer switch
    {
        DlqiAnswer.VeryMuch or DlqiAnswer.Yes => 3,
        DlqiAnswer.ALot => 2,
        DlqiAnswer.ALittle => 1,
        _ => 0,
    };
}
