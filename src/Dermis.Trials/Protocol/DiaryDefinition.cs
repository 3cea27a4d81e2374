namespace Dermis.Trials.Protocol;

/// <summary>
/// A diary or questionnaire the participant fills at home (the protocol's <c>diaries:</c> section,
/// docs/protocol.md). Each due date has an availability window in the participant's own time zone:
/// it opens at <see cref="Opens"/> on that date and closes at <see cref="Closes"/> on the date
/// <see cref="ClosesAfterDays"/> later. Entries made outside it are refused (anti-backfill).
/// </summary>
/// <param name="Id">Identifier, e.g. <c>itch</c>.</param>
/// <param name="Name">What the participant sees, e.g. <c>Daily itch</c>.</param>
/// <param name="Instrument">What is asked: <c>ppnrs</c> (one 0–10 worst-itch rating), <c>poem</c> or <c>dlqi</c>.</param>
/// <param name="EveryDays">Days between due dates: 1 for a daily diary, 7 weekly, 28 four-weekly.</param>
/// <param name="FirstDay">Study day of the first due date (day 1 = anchor visit), or null to start on the day after the participant activated the app (a run-in diary, e.g. the baseline itch week).</param>
/// <param name="LastDay">Study day of the last due date.</param>
/// <param name="Opens">Local time the window opens on the due date.</param>
/// <param name="Closes">Local time the window closes, <see cref="ClosesAfterDays"/> days after the due date.</param>
/// <param name="ClosesAfterDays">Days from the due date to the closing date (0 = same evening).</param>
/// <param name="MinimumDaysPerWeek">For <c>ppnrs</c>: entries a study week needs to have a weekly mean (e.g. 4 of 7).</param>
/// <param name="OfflineGraceHours">How long after its window closes an entry made inside it (offline, queued on the phone) is still accepted.</param>
public sealed record DiaryDefinition(
    string Id,
    string Name,
    string Instrument,
    int EveryDays,
    int? FirstDay,
    int LastDay,
    TimeOnly Opens,
    TimeOnly Closes,
    int ClosesAfterDays,
    int MinimumDaysPerWeek,
    int OfflineGraceHours)
{
    /// <summary>Instruments a diary may ask.</summary>
    public static IReadOnlyList<string> Instruments { get; } = ["ppnrs", "poem", "dlqi"];
}

/// <summary>
/// A version of the informed-consent document for electronic consent: what the participant reads
/// and the comprehension questions they must answer correctly before signing.
/// </summary>
/// <param name="Version">Document version, e.g. <c>2.0</c>; the protocol's <c>documentVersion</c> names the current one.</param>
/// <param name="Title">Title.</param>
/// <param name="Text">The full text, paragraphs separated by blank lines.</param>
/// <param name="Questions">Comprehension questions.</param>
public sealed record ConsentDocument(string Version, string Title, string Text, IReadOnlyList<ComprehensionQuestion> Questions);

/// <summary>A comprehension question of a consent document.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Text">The question.</param>
/// <param name="Options">The answers offered.</param>
/// <param name="Answer">The correct answer (one of <paramref name="Options"/>).</param>
/// <param name="Explanation">Shown when answered wrongly: where the document says it.</param>
public sealed record ComprehensionQuestion(string Id, string Text, IReadOnlyList<string> Options, string Answer, string? Explanation);

/// <summary>
/// When nightly sensing measures alert the site (the protocol's <c>sensing.alerts</c>): a rolling
/// mean of recorded nights against the participant's own baseline nights.
/// </summary>
/// <param name="BaselineNights">First nights whose mean is the baseline, 1–28.</param>
/// <param name="RollingNights">Nights in the rolling mean, 1–28.</param>
/// <param name="ScratchIncreasePercent">Scratch seconds per hour above baseline by this many percent…</param>
/// <param name="ScratchIncreaseMinimumSecondsPerHour">…and by at least this many seconds per hour.</param>
/// <param name="SleepEfficiencyDropPoints">Sleep efficiency below baseline by this many percentage points.</param>
/// <param name="SweatBaselineDays">First days of sweat readings that make each cytokine's baseline (docs/sweat.md), 2–28.</param>
/// <param name="InflammationIndexZ">The sweat inflammation index (mean z-score against baseline) at or above this…</param>
/// <param name="InflammationDays">…on this many consecutive days raises an alert, 1–28.</param>
public sealed record SensingAlertSettings(int BaselineNights, int RollingNights, decimal ScratchIncreasePercent, decimal ScratchIncreaseMinimumSecondsPerHour, decimal SleepEfficiencyDropPoints,
    int SweatBaselineDays = 7, decimal InflammationIndexZ = 2, int InflammationDays = 3)
{
    /// <summary>7 baseline nights, a 7-night rolling mean, scratch +50 % and +30 s/h, sleep efficiency −10 points; sweat: 7 baseline days, index ≥ 2 on 3 days running.</summary>
    public static SensingAlertSettings Default { get; } = new(7, 7, 50, 30, 10);
}
