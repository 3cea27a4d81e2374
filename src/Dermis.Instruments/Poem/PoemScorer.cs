using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Poem;

/// <summary>POEM bands (Charman et al., Br J Dermatol 2013;169:1326–32).</summary>
public enum PoemBand
{
    /// <summary>0–2.</summary>
    ClearOrAlmostClear,

    /// <summary>3–7.</summary>
    Mild,

    /// <summary>8–16.</summary>
    Moderate,

    /// <summary>17–24.</summary>
    Severe,

    /// <summary>25–28.</summary>
    VerySevere,
}

/// <summary>A POEM result.</summary>
/// <param name="Answers">Seven answers 0–4 (no days … every day), null = unanswered.</param>
/// <param name="Total">0–28; null with two or more unanswered.</param>
/// <param name="Band">Band of <paramref name="Total"/>.</param>
/// <param name="MissingReason">Why <paramref name="Total"/> is null.</param>
public sealed record PoemScore(IReadOnlyList<int?> Answers, int? Total, PoemBand? Band, string? MissingReason)
{
    /// <summary>Instrument and rules version that produced this score (kept with it, so a later rules change is traceable).</summary>
    public InstrumentInfo Instrument { get; init; } = PoemScorer.Info;
}

/// <summary>
/// Patient-Oriented Eczema Measure (Charman et al., Arch Dermatol 2004;140:1513–19): seven questions
/// about the last week, no days 0, 1–2 days 1, 3–4 days 2, 5–6 days 3, every day 4; total 0–28.
/// One unanswered question scores 0; with two or more the POEM is not scored.
/// </summary>
public static class PoemScorer
{
    /// <summary>Instrument and rules version.</summary>
    public static InstrumentInfo Info { get; } = new(
        "poem",
        "POEM (Charman 2004); bands Charman 2013; one unanswered scored 0, two or more not scored; dermis-rules 1",
        "Charman CR et al. Arch Dermatol 2004;140:1513-19. Charman CR et al. Br J Dermatol 2013;169:1326-32.");

    /// <summary>Number of questions.</summary>
    public const int QuestionCount = 7;

    /// <summary>Scores seven answers.</summary>
    /// <exception cref="InstrumentValidationException">Not seven answers, or an answer outside 0–4.</exception>
    public static PoemScore Score(IReadOnlyList<int?> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new InputErrors(Info.Id);
        if (answers.Count != QuestionCount)
        {
            errors.Add("answers", $"has {answers.Count} entries; POEM has exactly {QuestionCount} questions (null for unanswered)");
            errors.ThrowIfAny();
        }

        var total = 0;
        var unanswered = new List<int>();
        for (var q = 0; q < QuestionCount; q++)
        {
            if (answers[q] is null)
            {
                unanswered.Add(q + 1);
                continue;
            }

            errors.Integer(answers[q], $"answers[{q}]", 0, 4);
            total += answers[q]!.Value;
        }

        errors.ThrowIfAny();
        if (unanswered.Count >= 2)
        {
            return new PoemScore(answers, null, null,
                $"{unanswered.Count} questions unanswered ({string.Join(", ", unanswered)}); POEM is not scored with two or more unanswered");
        }

        return new PoemScore(answers, total, BandOf(total), null);
    }

    /// <summary>The band of a POEM total.</summary>
    public static PoemBand BandOf(int total) => total switch
    {
        <= 2 => PoemBand.ClearOrAlmostClear,
        <= 7 => PoemBand.Mild,
        <= 16 => PoemBand.Moderate,
        <= 24 => PoemBand.Severe,
        _ => PoemBand.VerySevere,
    };
}
