using System.Security.Claims;
using Dermis.Server.Auth;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Locking;
using Dermis.Trials.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Server.Trials;

/// <summary>
/// One request on one study: the unit of work, the caller, what the caller may see and do there,
/// and the clock. Every study route starts here, so no route can skip the access check.
/// </summary>
internal sealed class TrialRequest : IAsyncDisposable
{
    private readonly ProtocolCache _protocols;
    private IReadOnlyList<LockRecord>? _locks;

    private TrialRequest(TrialStore store, ClaimsPrincipal user, StudyRow study, StudyAccess access, ProtocolCache protocols, DateTimeOffset now)
    {
        Store = store;
        User = user;
        Study = study;
        Access = access;
        _protocols = protocols;
        Now = now;
    }

    public TrialStore Store { get; }

    public ClaimsPrincipal User { get; }

    public StudyRow Study { get; }

    public StudyAccess Access { get; }

    public DateTimeOffset Now { get; }

    public string Actor => User.Username();

    /// <summary>Starts the request; a study the caller has no role in is answered 404, as if it did not exist.</summary>
    public static Task<TrialRequest> BeginAsync(HttpContext http, string studyId, bool write) =>
        BeginAsync(http, studyId, TrialStore.BeginAsync(Database(http), write, http.RequestAborted));

    /// <summary>Takes the write lock and re-reads the locks, which another writer may have set meanwhile.</summary>
    public async Task BeginWritingAsync()
    {
        await Store.BeginWritingAsync();
        if (Store.ReadBeforeWriting)
        {
            _locks = null;
        }
    }

    /// <summary>
    /// Starts a form save, which decides first and writes at the end (<see cref="TrialStore.BeginReadThenWriteAsync"/>;
    /// call <see cref="BeginWritingAsync"/> before writing), and reads the study access and the
    /// form's context in one round trip; the access is checked before anything else is used.
    /// </summary>
    public static async Task<(TrialRequest Request, FormContext Context)> BeginFormSaveAsync(HttpContext http, string studyId, string screeningNumber, long visitRowId, string formId)
    {
        var store = await TrialStore.BeginReadThenWriteAsync(Database(http), http.RequestAborted);
        try
        {
            var context = await store.LoadFormContextAsync(studyId, http.User.Account(), screeningNumber, visitRowId, formId, http.RequestAborted);
            return (Create(http, store, studyId, context.Access), context);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private static DermisDatabase Database(HttpContext http) => http.RequestServices.GetRequiredService<DermisDatabase>();

    private static async Task<TrialRequest> BeginAsync(HttpContext http, string studyId, Task<TrialStore> starting)
    {
        var store = await starting;
        try
        {
            return Create(http, store, studyId, await store.GetStudyAccessAsync(studyId, http.User.Account(), http.RequestAborted));
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private static TrialRequest Create(HttpContext http, TrialStore store, string studyId, StudyAccessRow? found)
    {
        if (found is not ({ } study, { Count: > 0 } roles))
        {
            throw new NotFoundException($"Study '{studyId}' was not found.");
        }

        var services = http.RequestServices;
        return new TrialRequest(store, http.User, study, new StudyAccess(studyId, http.User.Username(), roles),
            services.GetRequiredService<ProtocolCache>(), services.GetRequiredService<TimeProvider>().GetUtcNow());
    }

    /// <summary>The study's freezes and locks, read once per request.</summary>
    public async Task<IReadOnlyList<LockRecord>> LocksAsync() => _locks ??= await Store.ListLocksAsync(Study.Id);

    /// <summary>Uses locks read together with other data (a form save's context).</summary>
    public void KnowLocks(IReadOnlyList<LockRecord> locks) => _locks = locks;

    /// <summary>The participant of a loaded row, if the caller may see its site; otherwise 404 exactly as for a missing one.</summary>
    public ParticipantRow Visible(ParticipantRow? participant, string screeningNumber) =>
        participant is not null && Access.CanSeeParticipant(participant.SiteId, participant.ScreeningNumber)
            ? participant
            : throw new NotFoundException($"Participant '{screeningNumber}' was not found in {Study.Id}.");

    /// <summary>The protocol version <paramref name="version"/> (default: the study's current one).</summary>
    public Task<LoadedProtocol> ProtocolAsync(string? version = null) =>
        _protocols.GetAsync(Store, Study.Id, version ?? Study.ProtocolVersion, CancellationToken.None);

    /// <summary>Refuses (403) unless a role of the caller grants <paramref name="capability"/> at <paramref name="siteId"/> (study-wide when null).</summary>
    public void Require(Capability capability, string? siteId)
    {
        var allowed = siteId is null ? Access.CanStudyWide(capability) : Access.Can(capability, siteId);
        if (!allowed)
        {
            var roles = string.Join(", ", Access.Assignments.Select(a => a.SiteId is null ? Names.Of(a.Role) : $"{Names.Of(a.Role)} at {a.SiteId}"));
            throw new ForbiddenException($"Your roles in {Study.Id} ({roles}) do not allow '{Names.Of(capability)}'{(siteId is null ? "" : $" at site {siteId}")}.");
        }
    }

    /// <summary>The participant, if the caller may see its site; otherwise 404 exactly as for a missing one.</summary>
    public async Task<ParticipantRow> ParticipantAsync(string screeningNumber)
    {
        return Visible(await Store.GetParticipantAsync(Study.Id, screeningNumber), screeningNumber);
    }

    /// <summary>
    /// The participant about to be changed: visible to the caller (else 404), a role allows
    /// <paramref name="capability"/> at its site (else 403), and its casebook not frozen or locked (else 409).
    /// </summary>
    public async Task<ParticipantRow> ParticipantToChangeAsync(string screeningNumber, Capability capability, bool allowFrozen = false)
    {
        var row = await ParticipantAsync(screeningNumber);
        Require(capability, row.SiteId);
        await CasebookGuard.RequireOpenAsync(this, row.SiteId, row.ScreeningNumber, null, null, allowFrozen);
        return row;
    }

    /// <summary>Queues an audit record of this study.</summary>
    public void Audit(AuditEvent change) => Store.Audit(Study.Id, change);

    /// <summary>Commits, chaining the audit records with the caller, the role used for <paramref name="capability"/> and the source.</summary>
    public Task CommitAsync(Capability capability, string? siteId)
    {
        var role = Access.RoleFor(capability, siteId);
        return Store.CommitAsync(Actor, role is null ? null : Names.Of(role.Value), User.ViaApi() ? AuditSource.Api : AuditSource.Web, Now);
    }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
