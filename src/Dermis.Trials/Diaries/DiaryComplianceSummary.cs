namespace Dermis.Trials.Diaries;

/// <summary>How well a participant keeps a diary (see <see cref="DiaryCompliance.Of"/>).</summary>
/// <param name="Expected">Due dates whose window has closed.</param>
/// <param name="Completed">Of those, the ones with an entry.</param>
/// <param name="Missed">Expected − Completed.</param>
/// <param name="Rate">Completed / Expected as an exact decimal division (2/3 to 28 digits); null when nothing was expected yet.</param>
/// <param name="LastEntry">The latest date with an entry, on or before today; null when none.</param>
/// <param name="ConsecutiveMissed">Missed windows since the last completed one: the trailing run of missed closed windows (0 when the latest closed window has an entry).</param>
public sealed record DiaryComplianceSummary(int Expected, int Completed, int Missed, decimal? Rate, DateOnly? LastEntry, int ConsecutiveMissed);
