namespace Dermis.Bench.Reliability.Harness;

/// <summary>One kill/restart round.</summary>
/// <param name="KillAfterMilliseconds">How long the writers ran before the SIGKILL.</param>
/// <param name="InFlightAtKill">Requests sent and not yet answered when the server was killed.</param>
/// <param name="CutOff">Requests whose answer never came (the kill cut them off).</param>
/// <param name="LandedUnacknowledged">Cut-off writes the database held after the restart.</param>
/// <param name="RestartMilliseconds">From the kill to the first 200 from /health.</param>
/// <param name="AuditVerified">Whether <c>dermis audit verify</c> exited 0 after the restart.</param>
internal sealed record CrashRound(
    int Round, int KillAfterMilliseconds, int InFlightAtKill, int CutOff, int LandedUnacknowledged,
    int Lost, int Duplicated, double RestartMilliseconds, bool AuditVerified, IReadOnlyList<string> Problems);

/// <summary>A whole run: totals per kind and every round.</summary>
/// <param name="Engine"><c>sqlite</c> or <c>postgresql</c>.</param>
/// <param name="Errors">Answers the protocol does not allow (anything but the documented 2xx).</param>
internal sealed record CrashReport(
    string Engine, long FormSaves, long DiaryEntries, long DeviceBatches, IReadOnlyList<CrashRound> Rounds, IReadOnlyList<string> Errors)
{
    public int Lost => Rounds.Sum(r => r.Lost);

    public int Duplicated => Rounds.Sum(r => r.Duplicated);

    public int InFlightAtKill => Rounds.Sum(r => r.InFlightAtKill);

    public int AuditVerifiedRounds => Rounds.Count(r => r.AuditVerified);

    /// <summary>Restart time (kill to healthy) at quantile <paramref name="q"/> (0–1), nearest rank.</summary>
    public double RestartMilliseconds(double q)
    {
        var sorted = Rounds.Select(r => r.RestartMilliseconds).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
