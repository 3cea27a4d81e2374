using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Dermis.Trials.Protocol;

internal sealed partial class ProtocolReader
{
    private static readonly string[] DiaryKeys =
        ["id", "name", "instrument", "every", "from", "until", "opens", "closes", "closesAfterDays", "minimumDaysPerWeek", "offlineGraceHours"];

    private static readonly string[] DocumentKeys = ["version", "title", "text", "questions"];
    private static readonly string[] QuestionKeys = ["id", "text", "options", "answer", "explanation"];

    private const int DefaultOfflineGraceHours = 72;

    private List<DiaryDefinition> ReadDiaries(YamlMap top, List<VisitDefinition> visits)
    {
        var diaries = new List<DiaryDefinition>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastVisitDay = visits.Where(v => !v.IsUnscheduled).Select(v => v.Day).DefaultIfEmpty(1).Max();
        foreach (var diary in Entries(top.Sequence("diaries", required: false), "diaries", "diary", DiaryKeys))
        {
            var id = Id(diary, "diary", seen);
            var name = diary.Text("name", required: true);
            var instrument = diary.Text("instrument", required: true);
            if (instrument is not null && !DiaryDefinition.Instruments.Contains(instrument))
            {
                Error(diary.ValueNode("instrument")!, $"{diary.Context}: instrument '{instrument}' cannot be a diary; allowed: {string.Join(", ", DiaryDefinition.Instruments)}");
            }

            var every = diary.Integer("every", required: true);
            if (every is < 1 or > 366)
            {
                Error(diary.ValueNode("every")!, $"{diary.Context}: 'every' is the number of days between due dates, 1–366; got {every}");
            }

            // null: 'activation', a run-in diary.
            int? from = null;
            if (!diary.Has("from"))
            {
                Error(diary.Node, $"{diary.Context}: missing required key 'from': a study day (e.g. 1), or 'activation' for a run-in diary that starts the day after the participant activates the app");
            }
            else if (diary.ValueNode("from") is not YamlScalarNode { Value: "activation" })
            {
                from = diary.Integer("from", required: true);
                if (from == 0)
                {
                    Error(diary.ValueNode("from")!, $"{diary.Context}: day 0 does not exist; 'from' is a study day (…, -1, 1, …) or 'activation' (the day after the participant activates the app)");
                }
            }

            var until = diary.Integer("until", required: true);
            if (until is { } last)
            {
                if (last == 0)
                {
                    Error(diary.ValueNode("until")!, $"{diary.Context}: day 0 does not exist; 'until' is a study day");
                }
                else if (from is { } first && last < first)
                {
                    Error(diary.ValueNode("until")!, $"{diary.Context}: 'until' (day {last}) is before 'from' (day {first})");
                }
                else if (last > lastVisitDay + 28)
                {
                    Error(diary.ValueNode("until")!, $"{diary.Context}: 'until' (day {last}) is more than 28 days after the last scheduled visit (day {lastVisitDay})");
                }
            }

            var opens = Clock(diary, "opens");
            var closes = Clock(diary, "closes");
            // Without closesAfterDays, a closing time not after the opening time is the next morning.
            var closesNotAfterOpens = closes <= opens;
            var closesAfter = diary.Has("closesAfterDays") ? diary.Integer("closesAfterDays", required: true) : (closesNotAfterOpens ? 1 : 0);
            if (closesAfter is < 0 or > 27)
            {
                Error(diary.ValueNode("closesAfterDays")!, $"{diary.Context}: 'closesAfterDays' must be 0–27; got {closesAfter}");
            }
            else if (closesAfter == 0 && closesNotAfterOpens)
            {
                Error(diary.ValueNode("closes")!, $"{diary.Context}: the window closes ({closes:HH\\:mm}) before it opens ({opens:HH\\:mm}) on the same day; set closesAfterDays: 1 or later");
            }
            else if (every is { } e && closesAfter is { } after && opens is not null && closes is not null && (after > e || (after == e && closes > opens)))
            {
                Error(diary.ValueNode("closesAfterDays") ?? diary.ValueNode("closes")!,
                    $"{diary.Context}: a window must close before the next one opens: it closes {after} day(s) after its date at {closes:HH\\:mm}, the next opens {e} day(s) after at {opens:HH\\:mm}");
            }

            var minimumDays = diary.Has("minimumDaysPerWeek") ? diary.Integer("minimumDaysPerWeek", required: true) : 1;
            if (minimumDays is < 1 or > 7)
            {
                Error(diary.ValueNode("minimumDaysPerWeek")!, $"{diary.Context}: 'minimumDaysPerWeek' must be 1–7; got {minimumDays}");
            }
            else if (diary.Has("minimumDaysPerWeek") && instrument != "ppnrs")
            {
                Error(diary.KeyNode("minimumDaysPerWeek")!, $"{diary.Context}: 'minimumDaysPerWeek' applies to the daily itch diary (instrument ppnrs) only");
            }

            var grace = diary.Has("offlineGraceHours") ? diary.Integer("offlineGraceHours", required: true) : DefaultOfflineGraceHours;
            if (grace is < 0 or > 168)
            {
                Error(diary.ValueNode("offlineGraceHours")!, $"{diary.Context}: 'offlineGraceHours' must be 0–168; got {grace}");
            }

            if (id is not null && name is not null && instrument is not null && every is not null && until is not null && opens is not null && closes is not null)
            {
                diaries.Add(new DiaryDefinition(id, name, instrument, every.Value, from, until.Value, opens.Value, closes.Value,
                    closesAfter ?? 0, minimumDays ?? 1, grace ?? DefaultOfflineGraceHours));
            }
        }

        return diaries;
    }

    private TimeOnly? Clock(YamlMap map, string key)
    {
        var text = map.Text(key, required: true);
        if (text is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        Error(map.ValueNode(key)!, $"{map.Context}: '{key}' must be a local time HH:mm (00:00–23:59), e.g. \"18:00\"; got '{text}'");
        return null;
    }

    private List<ConsentDocument> ReadConsentDocuments(YamlMap consent, string? currentVersion)
    {
        var documents = new List<ConsentDocument>();
        var list = consent.Sequence("documents", required: false);
        if (list is null)
        {
            return documents;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is not YamlMappingNode node)
            {
                Error(list.Children[i], $"consent.documents[{i}] must be a mapping with keys {string.Join(", ", DocumentKeys)}; got {Kind(list.Children[i])}");
                continue;
            }

            var document = new YamlMap(this, node, $"consent.documents[{i}]", DocumentKeys);
            var version = document.Text("version", required: true);
            if (version is not null)
            {
                document.Context = $"consent document '{version}'";
                if (!seen.TryAdd(version, (int)node.Start.Line))
                {
                    Error(document.ValueNode("version")!, $"{document.Context}: duplicate consent document version; first defined at line {seen[version]}");
                }
            }

            var title = document.Text("title", required: true);
            var text = document.Text("text", required: true);
            var questions = new List<ComprehensionQuestion>();
            var questionIds = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var question in Entries(document.Sequence("questions", required: false), document.Context + " questions", "question", QuestionKeys))
            {
                var id = Id(question, "question", questionIds);
                var asked = question.Text("text", required: true);
                var options = new List<string>();
                if (question.Sequence("options", required: true) is { } optionList)
                {
                    foreach (var option in optionList.Children)
                    {
                        if (option is YamlScalarNode { Value: { Length: > 0 } value })
                        {
                            options.Add(value);
                        }
                        else
                        {
                            Error(option, $"{question.Context}: each option is a piece of text; got {Kind(option)}");
                        }
                    }

                    if (options.Count < 2)
                    {
                        Error(optionList, $"{question.Context}: a question offers at least 2 options; got {options.Count}");
                    }
                }

                var answer = question.Text("answer", required: true);
                if (answer is not null && options.Count >= 2 && !options.Contains(answer))
                {
                    Error(question.ValueNode("answer")!, $"{question.Context}: answer '{answer}' is not one of the options ({string.Join(", ", options)})");
                }

                if (id is not null && asked is not null && answer is not null)
                {
                    questions.Add(new ComprehensionQuestion(id, asked, options, answer, question.Text("explanation", required: false)));
                }
            }

            if (version is not null && title is not null && text is not null)
            {
                documents.Add(new ConsentDocument(version, title, text, questions));
            }
        }

        if (documents.Count > 0 && currentVersion is not null && documents.All(d => d.Version != currentVersion))
        {
            Error(list, $"consent: documentVersion '{currentVersion}' has no entry in documents ({string.Join(", ", documents.Select(d => d.Version))}); the participant must be able to read what they sign");
        }

        return documents;
    }

    private static readonly string[] SensingKeys = ["alerts"];
    private static readonly string[] AlertKeys =
        ["baselineNights", "rollingNights", "scratchIncreasePercent", "scratchIncreaseMinimumSecondsPerHour", "sleepEfficiencyDropPoints", "sweatBaselineDays", "inflammationIndexZ", "inflammationDays"];

    private SensingAlertSettings ReadSensing(YamlMap top)
    {
        var defaults = SensingAlertSettings.Default;
        if (top.Mapping("sensing", required: false) is not { } node || new YamlMap(this, node, "sensing", SensingKeys).Mapping("alerts", required: false) is not { } alertsNode)
        {
            return defaults;
        }

        var alerts = new YamlMap(this, alertsNode, "sensing.alerts", AlertKeys);
        int Nights(string key, int fallback)
        {
            var value = alerts.Has(key) ? alerts.Integer(key, required: true) : fallback;
            if (value is < 1 or > 28)
            {
                Error(alerts.ValueNode(key)!, $"sensing.alerts: '{key}' must be 1–28 nights; got {value}");
            }

            return value ?? fallback;
        }

        decimal Amount(string key, decimal fallback, decimal max)
        {
            var value = alerts.Has(key) ? alerts.Number(key) : fallback;
            if (value is null || value <= 0 || value > max)
            {
                Error(alerts.ValueNode(key)!, $"sensing.alerts: '{key}' must be above 0 and at most {max.ToString(CultureInfo.InvariantCulture)}; got {value?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}");
            }

            return value ?? fallback;
        }

        int BaselineDays()
        {
            // A baseline needs a standard deviation: at least two days.
            var value = alerts.Has("sweatBaselineDays") ? alerts.Integer("sweatBaselineDays", required: true) : defaults.SweatBaselineDays;
            if (value is < 2 or > 28)
            {
                Error(alerts.ValueNode("sweatBaselineDays")!, $"sensing.alerts: 'sweatBaselineDays' must be 2–28 days; got {value}");
            }

            return value ?? defaults.SweatBaselineDays;
        }

        return new SensingAlertSettings(
            Nights("baselineNights", defaults.BaselineNights),
            Nights("rollingNights", defaults.RollingNights),
            Amount("scratchIncreasePercent", defaults.ScratchIncreasePercent, 1000),
            Amount("scratchIncreaseMinimumSecondsPerHour", defaults.ScratchIncreaseMinimumSecondsPerHour, 3600),
            Amount("sleepEfficiencyDropPoints", defaults.SleepEfficiencyDropPoints, 100),
            BaselineDays(),
            Amount("inflammationIndexZ", defaults.InflammationIndexZ, 10),
            Nights("inflammationDays", defaults.InflammationDays));
    }
}
