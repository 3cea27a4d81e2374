using System.Text;
using Dermis.Server.Auth;
using Dermis.Server.Hosting;
using Dermis.Storage.Database;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Protocol;
using Dermis.Trials.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dermis.Server.Trials;

/// <summary>Studies, protocol versions, sites and staff.</summary>
internal static class StudyEndpoints
{
    public sealed record StudySummary(string Id, string Name, string Sponsor, string ProtocolVersion);

    public sealed record SiteRequest(string? Id, string? Name, string? Country, string? Investigator, int? Capacity, DateOnly? ActivationDate);

    public sealed record StaffRequest(string? Username, string? DisplayName, string? Password, IReadOnlyList<RoleRequest>? Roles);

    public sealed record RoleRequest(string? Role, string? Site);

    public static IEndpointRouteBuilder MapStudies(this IEndpointRouteBuilder routes)
    {
        var studies = routes.MapGroup("/api/studies").WithTags("Studies");
        studies.MapGet("", ListStudiesAsync).WithSummary("Studies the caller has a role in.");
        studies.MapPost("", CreateStudyAsync).Accepts<string>("application/yaml", "text/yaml", "text/plain")
            .WithSummary("Create a study from a protocol YAML file (installation administrators); the creator becomes its sponsor administrator.");
        studies.MapGet("/{studyId}", GetStudyAsync).WithSummary("A study with its current protocol version.");
        studies.MapPost("/{studyId}/protocol", AmendAsync).Accepts<string>("application/yaml", "text/yaml", "text/plain")
            .WithSummary("Load a protocol amendment (a new version); data already entered stays on its version.");
        studies.MapGet("/{studyId}/sites", ListSitesAsync).WithSummary("Sites the caller may see.");
        studies.MapPost("/{studyId}/sites", AddSiteAsync).WithSummary("Add a site to the network (sponsor administrator).");
        studies.MapGet("/{studyId}/staff", ListStaffAsync).WithSummary("Staff and their roles (sponsor administrator).");
        studies.MapPost("/{studyId}/staff", AddStaffAsync).WithSummary("Create a staff account with roles in the study (sponsor administrator).");
        return routes;
    }

    private static async Task<IResult> ListStudiesAsync(HttpContext http, DermisDatabase database)
    {
        await using var store = await TrialStore.BeginAsync(database, write: false, http.RequestAborted);
        var rows = await store.ListStudiesAsync(http.User.Account(), all: false, http.RequestAborted);
        return TypedResults.Ok(rows.Select(r => new StudySummary(r.Id, r.Name, r.Sponsor, r.ProtocolVersion)));
    }

    private static async Task<IResult> GetStudyAsync(string studyId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        var protocol = (await request.ProtocolAsync()).Definition;
        return TypedResults.Ok(new
        {
            request.Study.Id,
            request.Study.Name,
            request.Study.Sponsor,
            request.Study.ProtocolVersion,
            Arms = protocol.Arms.Select(a => new { a.Id, a.Name, a.Ratio }),
            Visits = protocol.Visits.Select(v => new { v.Id, v.Name, v.Day, v.WindowBeforeDays, v.WindowAfterDays, v.IsAnchor, v.IsUnscheduled, Forms = v.FormIds }),
            Forms = protocol.Forms.Select(f => new { f.Id, f.Name, f.Instrument }),
            protocol.ConsentDocumentVersion,
            Roles = request.Access.Assignments.Select(a => new { Role = Names.Of(a.Role), Site = a.SiteId }),
        });
    }

    private static async Task<IResult> CreateStudyAsync(HttpContext http, DermisDatabase database, TimeProvider time)
    {
        if (!http.User.IsAdmin())
        {
            throw new ForbiddenException("Only an installation administrator may create studies (dermis account create --admin).");
        }

        var yaml = await ReadBodyAsync(http);
        ProtocolDefinition protocol;
        try
        {
            protocol = await StudyCreation.CreateAsync(database, yaml, "protocol", http.User.Username(), http.User.ViaApi() ? AuditSource.Api : AuditSource.Web, time.GetUtcNow(), http.RequestAborted);
        }
        catch (ProtocolException e)
        {
            throw new InvalidProtocolException(e.FormatAll());
        }

        return TypedResults.Created($"/api/studies/{protocol.StudyId}", new StudySummary(protocol.StudyId, protocol.Name, protocol.Sponsor, protocol.Version));
    }

    private static async Task<IResult> AmendAsync(string studyId, HttpContext http)
    {
        var (yaml, protocol) = await ReadProtocolAsync(http);
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        request.Require(Capability.ManageStudy, null);
        if (protocol.StudyId != studyId)
        {
            throw BadInputException.Field("study.id", $"the file is for study '{protocol.StudyId}', not '{studyId}'");
        }

        var previous = request.Study.ProtocolVersion;
        await request.Store.AddProtocolVersionAsync(studyId, protocol.Version, yaml, StudyCreation.Sha256(yaml), request.Actor, request.Now, http.RequestAborted);
        request.Audit(new AuditEvent(null, null, "study", studyId, "protocolVersion", "amend", previous, protocol.Version, null));
        await request.CommitAsync(Capability.ManageStudy, null);
        return TypedResults.Ok(new StudySummary(studyId, protocol.Name, protocol.Sponsor, protocol.Version));
    }

    private static async Task<IResult> ListSitesAsync(string studyId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        return TypedResults.Ok(await request.Store.ListSitesAsync(studyId, request.Access.VisibleSites, http.RequestAborted));
    }

    private static async Task<IResult> AddSiteAsync(string studyId, SiteRequest body, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        request.Require(Capability.ManageStudy, null);
        var errors = new Fields();
        errors.Identifier("id", body.Id);
        errors.Text("name", body.Name);
        errors.Check("country", body.Country is { Length: 2 } c && c.All(char.IsAsciiLetterUpper), "is required: an ISO 3166-1 alpha-2 code such as DE");
        errors.Text("investigator", body.Investigator);
        errors.Check("capacity", body.Capacity is >= 1 and <= 100_000, "is required: planned participants, 1–100000");
        errors.ThrowIfAny("Invalid site");

        var site = new SiteRow
        {
            StudyId = studyId, Id = body.Id!, Name = body.Name!, Country = body.Country!, Investigator = body.Investigator!, Capacity = body.Capacity!.Value,
            ActivationDate = body.ActivationDate is { } d ? UtcText.Format(d) : null,
        };
        await request.Store.AddSiteAsync(site, http.RequestAborted);
        request.Audit(new AuditEvent(site.Id, null, "site", site.Id, null, "create", null, $"{site.Name} ({site.Country}), PI {site.Investigator}, capacity {site.Capacity}", null));
        await request.CommitAsync(Capability.ManageStudy, null);
        return TypedResults.Created($"/api/studies/{studyId}/sites/{site.Id}", site);
    }

    private static async Task<IResult> ListStaffAsync(string studyId, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: false);
        request.Require(Capability.ManageStudy, null);
        return TypedResults.Ok(await request.Store.ListStaffAsync(studyId, http.RequestAborted));
    }

    private static async Task<IResult> AddStaffAsync(string studyId, StaffRequest body, HttpContext http)
    {
        await using var request = await TrialRequest.BeginAsync(http, studyId, write: true);
        request.Require(Capability.ManageStudy, null);
        var errors = new Fields();
        errors.Identifier("username", body.Username);
        errors.Text("displayName", body.DisplayName);
        var existing = body.Username is null ? null : await request.Store.FindAccountAsync(body.Username, http.RequestAborted);
        if (existing is null)
        {
            if (PasswordPolicy.Violation(body.Username, body.Password) is { } weak)
            {
                errors.Add("password", weak);
            }
        }

        var roles = new List<RoleAssignment>();
        if (body.Roles is not { Count: > 0 })
        {
            errors.Add("roles", $"at least one role is required; roles: {string.Join(", ", Names.All<StudyRole>())}");
        }
        else
        {
            var sites = await request.Store.ListSitesAsync(studyId, null, http.RequestAborted);
            for (var i = 0; i < body.Roles.Count; i++)
            {
                if (body.Roles[i] is null)
                {
                    errors.Add($"roles[{i}]", "is null; each role is an object { role, site }");
                    continue;
                }

                var role = Names.Parse<StudyRole>(body.Roles[i].Role);
                var site = body.Roles[i].Site;
                errors.Check($"roles[{i}].role", role is not null, $"'{body.Roles[i].Role}' is not a role; allowed: {string.Join(", ", Names.All<StudyRole>())}");
                errors.Check($"roles[{i}].site", site is null || sites.Any(s => s.Id == site), $"'{site}' is not a site of {studyId}; allowed: {string.Join(", ", sites.Select(s => s.Id))} or null for all sites");
                errors.Check($"roles[{i}].site", site is not null || role is not (StudyRole.Investigator or StudyRole.Coordinator), "investigators and coordinators work at a site: name it");
                errors.Check($"roles[{i}].role", role != StudyRole.Participant, "participants get their account from their site (POST …/participants/{screeningNumber}/account)");
                if (role is { } r)
                {
                    roles.Add(new RoleAssignment(r, site));
                }
            }
        }

        errors.ThrowIfAny("Invalid staff member");
        var accountId = existing?.Id ?? await request.Store.CreateAccountAsync(body.Username!, body.DisplayName!, Passwords.Hash(body.Password!), false, request.Now, http.RequestAborted);
        // Granting a role the account already holds changes nothing (and audits nothing).
        var held = existing is null ? [] : await request.Store.GetRolesAsync(accountId, studyId, http.RequestAborted);
        foreach (var role in roles.Distinct().Where(r => !held.Contains(r)))
        {
            await request.Store.AddRoleAsync(studyId, accountId, role.Role, role.SiteId, cancellationToken: http.RequestAborted);
            request.Audit(new AuditEvent(role.SiteId, null, "staff", body.Username!, null, "grantRole", null, Names.Of(role.Role) + (role.SiteId is null ? "" : "@" + role.SiteId), null));
        }

        await request.CommitAsync(Capability.ManageStudy, null);
        return TypedResults.Created($"/api/studies/{studyId}/staff", new { body.Username, body.DisplayName, Roles = roles.Select(r => new { Role = Names.Of(r.Role), Site = r.SiteId }) });
    }

    private static async Task<string> ReadBodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(http.RequestAborted);
    }

    private static async Task<(string Yaml, ProtocolDefinition Protocol)> ReadProtocolAsync(HttpContext http)
    {
        var yaml = await ReadBodyAsync(http);
        try
        {
            return (yaml, ProtocolCache.Load(yaml, "protocol").Definition);
        }
        catch (ProtocolException e)
        {
            throw new InvalidProtocolException(e.FormatAll());
        }
    }
}
