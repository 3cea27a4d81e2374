using System.Text.Json;
using System.Text.Json.Nodes;
using Dermis.Instruments.Dlqi;
using Dermis.Instruments.PeakPruritus;
using Dermis.Instruments.Poem;

namespace Dermis.Instruments.Json;

/// <summary>Patient-reported instruments: DLQI, POEM, Peak Pruritus NRS.</summary>
public static partial class ScoreJson
{
    private const string DlqiAnswers = "\"veryMuch\", \"aLot\", \"aLittle\", \"notAtAll\", \"notRelevant\" or null; question 7 (index 6): \"yes\", or after \"No\": \"aLot\", \"aLittle\", \"notAtAll\", \"notRelevant\"";

    private static JsonObject ScoreDlqi(JsonElement input)
    {
        var json = new JsonInput("dlqi");
        json.Object(input, "", "answers");
        var answers = new DlqiAnswer?[DlqiScorer.QuestionCount];
        if (json.Array(input, "answers", "", DlqiScorer.QuestionCount, DlqiAnswers) is { } items)
        {
            for (var q = 0; q < items.Length; q++)
            {
                answers[q] = items[q].ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => items[q].GetString() switch
                    {
                        "veryMuch" => DlqiAnswer.VeryMuch,
                        "aLot" => DlqiAnswer.ALot,
                        "aLittle" => DlqiAnswer.ALittle,
                        "notAtAll" => DlqiAnswer.NotAtAll,
                        "notRelevant" => DlqiAnswer.NotRelevant,
                        "yes" => DlqiAnswer.Yes,
                        _ => Reject(json, q, items[q]),
                    },
                    _ => Reject(json, q, items[q]),
                };
            }
        }

        json.ThrowIfAny();
        var score = DlqiScorer.Score(answers);
        var output = Header("dlqi", score.Instrument);
        output["total"] = score.Total;
        output["band"] = Camel(score.Band);
        output["subscales"] = new JsonObject
        {
            ["symptomsAndFeelings"] = score.Subscales.SymptomsAndFeelings,
            ["dailyActivities"] = score.Subscales.DailyActivities,
            ["leisure"] = score.Subscales.Leisure,
            ["workAndSchool"] = score.Subscales.WorkAndSchool,
            ["personalRelationships"] = score.Subscales.PersonalRelationships,
            ["treatment"] = score.Subscales.Treatment,
        };
        output["notRelevant"] = score.NotRelevantCount;
        return WithReason(output, score.MissingReason);

        static DlqiAnswer? Reject(JsonInput json, int question, JsonElement value)
        {
            var hint = question == DlqiScorer.WorkQuestionIndex && value.ValueKind == JsonValueKind.String && value.GetString() == "no"
                ? "after \"No\" give the follow-up answer: \"aLot\", \"aLittle\", \"notAtAll\" or \"notRelevant\""
                : $"{value.GetRawText()} is not allowed; allowed: {DlqiAnswers}";
            json.Error($"answers[{question}]", hint);
            return null;
        }
    }

    private static JsonObject ScorePoem(JsonElement input)
    {
        var json = new JsonInput("poem");
        json.Object(input, "", "answers");
        const string Answers = "integers 0–4 (no days, 1–2, 3–4, 5–6 days, every day) or null";
        var answers = new int?[PoemScorer.QuestionCount];
        if (json.Array(input, "answers", "", PoemScorer.QuestionCount, Answers) is { } items)
        {
            for (var q = 0; q < items.Length; q++)
            {
                answers[q] = json.Integer(items[q], $"answers[{q}]", Answers);
            }
        }

        json.ThrowIfAny();
        var score = PoemScorer.Score(answers);
        var output = Header("poem", score.Instrument);
        output["total"] = score.Total;
        output["band"] = Camel(score.Band);
        return WithReason(output, score.MissingReason);
    }

    private static JsonObject ScorePeakPruritus(JsonElement input)
    {
        var json = new JsonInput("ppnrs");
        json.Object(input, "", "baseline", "current", "minimumDays");
        const string Days = "integers 0–10 or null for a missed day";
        int?[]? Week(string name)
        {
            if (json.Array(input, name, "", PeakPruritusScorer.DaysPerWeek, Days) is not { } items)
            {
                return null;
            }

            var week = new int?[items.Length];
            for (var d = 0; d < items.Length; d++)
            {
                week[d] = json.Integer(items[d], $"{name}[{d}]", Days);
            }

            return week;
        }

        var baseline = Week("baseline");
        var current = Week("current");
        var minimumDays = json.Integer(input, "minimumDays", "", required: false, "integers 1–7") ?? 1;
        json.ThrowIfAny();

        var score = PeakPruritusScorer.Score(baseline!, current!, minimumDays);
        var output = Header("ppnrs", score.Instrument);
        output["baselineMean"] = Display(score.Baseline.DaysAnswered >= minimumDays ? score.Baseline.Mean : null);
        output["currentMean"] = Display(score.Current.DaysAnswered >= minimumDays ? score.Current.Mean : null);
        output["improvement"] = Display(score.Improvement);
        output["responder"] = score.Responder;
        output["baselineDays"] = score.Baseline.DaysAnswered;
        output["currentDays"] = score.Current.DaysAnswered;
        return output;
    }
}
