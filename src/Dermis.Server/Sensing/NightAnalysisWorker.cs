using System.Globalization;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Dermis.Trials.Audit;
using Dermis.Trials.Workflow;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dermis.Server.Sensing;

/// <summary>
/// Analyses nights as their data arrive (docs/sensing.md, "Automatic analysis"): ingest enqueues every
/// night a batch touches, due when the night has ended and no batch came for <see cref="QuietPeriod"/>;
/// this worker claims due nights from the database for a lease (so several server processes share the
/// work and a crashed one's nights are taken up again), analyses each as <c>POST …/nights/{date}/analyse</c>
/// does, raises the protocol's alerts and audits it as Dermis itself. Sweat-patch days share the queue
/// (source <c>sweat</c>): once a day's readings are in, the inflammation index alert rule is evaluated.
/// </summary>
internal sealed partial class NightAnalysisWorker(DermisDatabase database, ProtocolCache protocols, TimeProvider time, ILogger<NightAnalysisWorker> logger) : BackgroundService
{
    /// <summary>How long after a night's latest batch the night waits for more before it is analysed.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMinutes(10);

    /// <summary>How long a claim holds before another worker may take the night.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>How often the worker looks for due nights.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);

    /// <summary>Claims after which a night that keeps failing unexpectedly is set aside until new data arrive.</summary>
    private const int MaxAttempts = 3;

    private const string Actor = "system:night-analysis";

    // One identity per process, so a lease names who holds it.
    private readonly string _claimant = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Nights claimed per round; a full round is followed by another at once, not after the poll interval.</summary>
    private const int RoundSize = 50;

    /// <summary>Claims and analyses the nights due now; returns how many were stored.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken) => (await RunRoundAsync(cancellationToken)).Stored;

    private async Task<(int Claimed, int Stored)> RunRoundAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<NightJobRow> jobs;
        await using (var store = await TrialStore.BeginAsync(database, write: true, cancellationToken))
        {
            jobs = await store.ClaimDueNightJobsAsync(UtcText.Format(now), _claimant, UtcText.Format(now + Lease), limit: RoundSize, cancellationToken);
            await store.CommitAsync(Actor, null, AuditSource.System, now, cancellationToken);
        }

        var stored = 0;
        foreach (var job in jobs)
        {
            if (await AnalyseAsync(job, cancellationToken))
            {
                stored++;
            }
        }

        return (jobs.Count, stored);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, time);
        do
        {
            try
            {
                // A backlog (a day of uploads, a restart) drains round after round; a partial round means it is done.
                int claimed;
                do
                {
                    (claimed, _) = await RunRoundAsync(stoppingToken);
                }
                while (claimed == RoundSize);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be briefly unavailable; the next round tries again.
                LogRoundFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> AnalyseAsync(NightJobRow job, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var night = DateOnly.ParseExact(job.NightDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        string? failure;
        try
        {
            await using var store = await TrialStore.BeginAsync(database, write: true, cancellationToken);
            var row = await store.GetParticipantAsync(job.StudyId, job.ScreeningNumber, cancellationToken)
                ?? throw new InvalidOperationException($"Participant {job.ScreeningNumber} of {job.StudyId} is gone.");
            var study = await store.GetStudyAsync(job.StudyId, cancellationToken) ?? throw new InvalidOperationException($"Study {job.StudyId} is gone.");
            var settings = (await protocols.GetAsync(store, study.Id, study.ProtocolVersion, cancellationToken)).Definition.SensingAlerts;
            var changes = job.Source switch
            {
                "sweat" => await SweatAnalysis.RaiseAlertsAsync(store, study.Id, settings, row, now, cancellationToken),
                "radio" => [await RadioNights.AnalyseAsync(store, row, night, now, cancellationToken)],
                _ => await NightEndpoints.AuditAndAlertAsync(store, settings, row, await NightEndpoints.AnalyseNightAsync(store, row, night, now, cancellationToken), now),
            };
            foreach (var change in changes)
            {
                store.Audit(job.StudyId, change);
            }

            await store.CompleteNightJobAsync(job, cancellationToken);
            await store.CommitAsync(Actor, null, AuditSource.System, now, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is DomainRuleException or NotFoundException)
        {
            // The data cannot make a night (too little, mixed rates): kept with its reason until new data arrive.
            failure = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNightFailed(logger, e, job.StudyId, job.ScreeningNumber, job.NightDate, job.Attempts);
            if (job.Attempts < MaxAttempts)
            {
                return false; // the lease runs out and a later round tries again
            }

            failure = $"Analysis failed {job.Attempts} times; see the server log.";
        }

        await using (var store = await TrialStore.BeginAsync(database, write: true, cancellationToken))
        {
            await store.FailNightJobAsync(job, failure, cancellationToken);
            await store.CommitAsync(Actor, null, AuditSource.System, now, cancellationToken);
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Night analysis round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Night analysis of {Study} participant {Participant} night {Night} failed (attempt {Attempt})")]
    private static partial void LogNightFailed(ILogger logger, Exception exception, string study, string participant, string night, long attempt);
}
