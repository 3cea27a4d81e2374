using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Dermis.Server.Auth;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Dermis.Trials.Audit;
using Dermis.Trials.Protocol;

namespace Dermis.Server.Demo;

/// <summary>What <see cref="DemoSeeder.SeedAsync"/> did.</summary>
/// <param name="StudyId">The demo study.</param>
/// <param name="Screened">Participants screened.</param>
/// <param name="Randomised">Participants randomised.</param>
/// <param name="DiaryEntries">Diary entries accepted.</param>
/// <param name="Requests">HTTP requests made.</param>
/// <param name="Elapsed">Wall-clock time.</param>
public sealed record DemoSeedResult(string StudyId, int Screened, int Randomised, int DiaryEntries, int Requests, TimeSpan Elapsed);

/// <summary>
/// Seeds the demo study through the running server's HTTP API only — the same routes, checks and
/// audit trail as real data; no row is written behind the API's back (the first administrator is
/// made as <c>dermis account create</c> makes it). The server's <see cref="DemoClock"/> walks the
/// study's 14 months day by day, so visits and home diaries pass the live time rules; each day's
/// participants are seeded concurrently.
/// </summary>
public sealed partial class DemoSeeder : IDisposable
{
    /// <summary>The demo study's id (from samples/ad-phase3-demo.yaml).</summary>
    public const string StudyId = "DERM-AD-301";

    /// <summary>Days from the first screening to yesterday.</summary>
    public const int TimelineDays = 430;

    private readonly DemoApi _api;
    private readonly DemoClock _clock;
    private readonly ProtocolDefinition _protocol;
    private readonly string _protocolYaml;
    private readonly DateTimeOffset _end;
    private readonly DateOnly _first;
    private readonly DateOnly _last;
    private readonly int _parallelism;
    private readonly ConcurrentQueue<(DemoParticipant Participant, string Username)> _toSignIn = new();
    private readonly ConcurrentDictionary<DemoParticipant, HashSet<int>> _gaps = new();
    private int _diaryEntries;

    private DemoSeeder(Uri baseAddress, DemoClock clock, string protocolYaml, int parallelism)
    {
        _api = new DemoApi(baseAddress);
        _clock = clock;
        _protocolYaml = protocolYaml;
        _protocol = ProtocolParser.Parse(protocolYaml, "ad-phase3-demo.yaml");
        _parallelism = parallelism;
        _end = clock.GetUtcNow();
        _last = DateOnly.FromDateTime(_end.UtcDateTime).AddDays(-1);
        _first = _last.AddDays(-TimelineDays);
    }

    private static string S => "/api/studies/" + StudyId;

    /// <summary>
    /// Creates the administrator, the study, its sites and staff, 300 screened participants with a year
    /// of visits, forms, queries, diaries and devices, through the server at <paramref name="baseAddress"/>,
    /// whose time provider is <paramref name="clock"/>; releases the clock when done.
    /// </summary>
    /// <param name="database">The server's database (only for the first administrator, as <c>dermis account create</c>).</param>
    /// <param name="baseAddress">The running server, e.g. http://127.0.0.1:5080.</param>
    /// <param name="clock">The server's time provider, not yet released.</param>
    /// <param name="protocolYaml">The demo protocol (samples/ad-phase3-demo.yaml).</param>
    /// <param name="cellLabels">Cell-type label of every real cell to resample for immune composition (PBMC3k's
    /// <c>labels.csv</c> column), or null to leave composition out.</param>
    /// <param name="screened">Participants screened, 10–2000 (default 300; a fifth fail screening).</param>
    /// <param name="parallelism">Concurrent participants per simulated day, 1–64.</param>
    /// <param name="progress">One line per phase.</param>
    /// <param name="cancellationToken">Stops seeding.</param>
    /// <exception cref="ArgumentException"><paramref name="screened"/> or <paramref name="parallelism"/> out of range.</exception>
    /// <exception cref="DemoSeedException">The server refused a request (the message names it).</exception>
    public static async Task<DemoSeedResult> SeedAsync(
        DermisDatabase database, Uri baseAddress, DemoClock clock, string protocolYaml, IReadOnlyList<string>? cellLabels, int screened = 300, int parallelism = 8,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentException.ThrowIfNullOrWhiteSpace(protocolYaml);
        if (screened is < 10 or > 2000)
        {
            throw new ArgumentException($"screened = {screened}; allowed 10–2000.", nameof(screened));
        }

        if (parallelism is < 1 or > 64)
        {
            throw new ArgumentException($"parallelism = {parallelism}; allowed 1–64.", nameof(parallelism));
        }

        var watch = Stopwatch.StartNew();
        using var seeder = new DemoSeeder(baseAddress, clock, protocolYaml, parallelism);
        try
        {
            await seeder.SetUpAsync(database, cancellationToken);
            progress?.Report($"study, 8 sites and {DemoAccounts.Staff.Count} staff accounts ({watch.Elapsed.TotalSeconds:F1} s)");
            var cohort = DemoCohort.Draw(seeder._first, screened, seed: 20260301);
            foreach (var participant in cohort)
            {
                participant.Plan(participant.ScreenedOn, ct => seeder.ScreenAsync(participant, ct));
            }

            await seeder.WalkAsync(cohort, progress, watch, cancellationToken);
            progress?.Report($"{cohort.Count} participants, {seeder._diaryEntries} diary entries ({watch.Elapsed.TotalSeconds:F1} s)");
            if (cellLabels is not null)
            {
                await seeder.CompositionAsync(cohort, cellLabels, cancellationToken);
                progress?.Report($"immune-cell composition: {CompositionParticipants} participants x 2 time points, resampled PBMC3k ({watch.Elapsed.TotalSeconds:F1} s)");
            }
            var sensingFrom = watch.Elapsed;
            var sensing = await seeder.SensingAsync(cohort, cancellationToken);
            progress?.Report($"sensing: {sensing.Nights} simulated nights of {sensing.NightParticipants} participants ({sensing.Samples:N0} samples per axis), " +
                $"{sensing.SweatReadings:N0} sweat readings of {sensing.SweatParticipants}, {sensing.Requests} requests in {(watch.Elapsed - sensingFrom).TotalSeconds:F1} s; the night worker analyses them next ({watch.Elapsed.TotalSeconds:F1} s)");
            return new DemoSeedResult(StudyId, cohort.Count, cohort.Count(p => p.Arm is not null), seeder._diaryEntries, seeder._api.Requests, watch.Elapsed);
        }
        finally
        {
            clock.Release();
        }
    }

    /// <summary>True when the server at <paramref name="baseAddress"/> already holds the demo study (the sponsor can sign in and sees it).</summary>
    public static async Task<bool> IsSeededAsync(Uri baseAddress, CancellationToken cancellationToken = default)
    {
        using var api = new DemoApi(baseAddress);
        try
        {
            var sponsor = await api.SignInAsync(DemoAccounts.Sponsor, DemoAccounts.Password, cancellationToken);
            var studies = await api.GetAsync(sponsor, "/api/studies", cancellationToken);
            return studies.EnumerateArray().Any(s => s.GetProperty("id").GetString() == StudyId);
        }
        catch (DemoSeedException)
        {
            return false;
        }
    }

    void IDisposable.Dispose() => _api.Dispose();

    private async Task SetUpAsync(DermisDatabase database, CancellationToken ct)
    {
        // Tokens are issued with the clock at the end of the timeline, so they stay valid while it walks from the start.
        _clock.Set(_end);
        await using (var store = await TrialStore.BeginAsync(database, write: true, ct))
        {
            await store.CreateAccountAsync(DemoAccounts.Admin, "Ada Admin (installation administrator)", Passwords.Hash(DemoAccounts.Password), true, _end, ct);
            await store.CommitAsync(DemoAccounts.Admin, null, AuditSource.System, _end, ct);
        }

        var admin = await _api.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password, ct);
        await _api.PostTextAsync(admin, "/api/studies", _protocolYaml, "application/yaml", ct);
        _clock.Set(At(_first.AddDays(-30)));
        foreach (var (site, i) in DemoSite.All.Select((s, i) => (s, i)))
        {
            await _api.PostAsync(admin, $"{S}/sites", new
            {
                id = site.Id, name = site.Name, country = site.Country, investigator = site.Investigator, capacity = site.Capacity,
                activationDate = _first.AddDays(-21 + (i * 3)),
            }, ct);
        }

        await Parallel.ForEachAsync(DemoAccounts.Staff, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (account, token) =>
            await _api.PostAsync(admin, $"{S}/staff", new
            {
                username = account.Username, displayName = account.DisplayName, password = DemoAccounts.Password,
                roles = new[] { new { role = account.Role, site = account.Site } },
            }, token));
        _clock.Set(_end);
        await Parallel.ForEachAsync(DemoAccounts.Staff, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (account, token) =>
            await _api.SignInAsync(account.Username, DemoAccounts.Password, token));
    }

    /// <summary>Walks the timeline: each day at 23:30 UTC, every participant's steps of the day, then their diaries.</summary>
    private async Task WalkAsync(IReadOnlyList<DemoParticipant> cohort, IProgress<string>? progress, Stopwatch watch, CancellationToken ct)
    {
        for (var day = _first; day <= _last; day = day.AddDays(1))
        {
            if ((day.DayNumber - _first.DayNumber) % 60 == 59)
            {
                progress?.Report($"{Date(day)}: {_api.Requests} requests, {_diaryEntries} diary entries ({watch.Elapsed.TotalSeconds:F1} s)");
            }

            var today = day;
            // Clinic days first: a visit is 15–30 requests in a row, a diary day 1–3, so starting the long
            // chains first keeps the writer busy to the end of the day instead of waiting on one late visit.
            var busy = cohort.Where(p => p.Agenda.ContainsKey(today) || DiaryDay(p, today)).OrderBy(p => p.Agenda.ContainsKey(today) ? 0 : 1).ToList();
            if (busy.Count == 0)
            {
                continue;
            }

            _clock.Set(At(today));
            await Parallel.ForEachAsync(busy, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = ct }, async (p, token) =>
            {
                if (p.Agenda.Remove(today, out var steps))
                {
                    foreach (var step in steps)
                    {
                        await step(token);
                    }
                }

                if (DiaryDay(p, today))
                {
                    await DiariesAsync(p, today, token);
                }
            });

            if (!_toSignIn.IsEmpty)
            {
                // A participant signs in with the clock at the end of the timeline (see SetUpAsync).
                _clock.Set(_end);
                var pending = new List<(DemoParticipant, string)>();
                while (_toSignIn.TryDequeue(out var item))
                {
                    pending.Add(item);
                }

                await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = ct }, async (item, token) =>
                    item.Item1.App = await _api.SignInAsync(item.Item2, DemoAccounts.Pin, token));
            }
        }
    }

    /// <summary>23:30 UTC: inside the evening itch window of that date from UTC−5 (18:30) to UTC+11 (10:30 next morning).</summary>
    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(23, 30)), TimeSpan.Zero);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
