using System.Globalization;
using System.Text.Json.Nodes;

namespace Dermis.Server.Demo;

/// <summary>The clinic: screening, baseline and randomisation, scheduled visits with their eCRFs, queries, withdrawal and completion.</summary>
public sealed partial class DemoSeeder
{
    private async Task ScreenAsync(DemoParticipant p, CancellationToken ct)
    {
        var coordinator = _api.For(DemoAccounts.Coordinator(p.Site.Id));
        var screened = await _api.PostAsync(coordinator, $"{S}/sites/{p.Site.Id}/participants", new { }, ct);
        p.Number = screened.GetProperty("screeningNumber").GetString()!;
        var day = p.ScreenedOn;
        await _api.PostAsync(coordinator, $"{P(p)}/consent", new { documentVersion = _protocol.ConsentDocumentVersion, signedOn = Date(day), method = "onSite" }, ct);
        var visit = await VisitAsync(coordinator, p, "screening", day, ct);
        var random = new Random(DemoSeed.Of(p.Seed, 0, 1));
        var age = day.Year - p.BirthYear;
        var easi = p.Randomised ? Math.Max(16m, Math.Round(p.Placebo!.BaselineEasi * (0.9m + ((decimal)random.NextDouble() * 0.2m)), 1)) : 9m + random.Next(0, 60) / 10m;
        var iga = p.Randomised ? p.Placebo!.BaselineIga : 2m;
        await FormAsync(coordinator, p, visit, "demographics", DemoForms.Demographics(day, p.BirthYear, p.Sex, random), true, ct);
        await FormAsync(coordinator, p, visit, "medhist", DemoForms.MedicalHistory(day, p.BirthYear, random), true, ct);
        await FormAsync(coordinator, p, visit, "vitals", DemoForms.Vitals(p.WeightKg, p.HeightCm, random), true, ct);
        await FormAsync(coordinator, p, visit, "bsa", new JsonObject { ["percent"] = DemoForms.Bsa(easi) }, true, ct);
        // vIGA-AD before EASI: the protocol's EC-VIGA-MISSING check fires on an EASI saved without it.
        await FormAsync(coordinator, p, visit, "viga", DemoForms.Viga(iga), true, ct);
        await FormAsync(coordinator, p, visit, "easi", DemoForms.Easi(easi, age), true, ct);
        var week = p.Randomised ? DemoTrajectory.Week(p, 0) : [3, 4, 2, 3, 5, 3, 4];
        await FormAsync(coordinator, p, visit, "ppnrs", DemoForms.Ppnrs(week, week), true, ct);

        if (!p.Randomised)
        {
            await _api.PostAsync(coordinator, $"{P(p)}/status", new { action = "screenFail", reason = p.ScreenFailReason }, ct);
            return;
        }

        var answers = _protocol.Eligibility.ToDictionary(c => c.Id, c => c.Kind == Dermis.Trials.Protocol.CriterionKind.Inclusion, StringComparer.Ordinal);
        await _api.PutAsync(coordinator, $"{P(p)}/eligibility", new { answers }, ct);
        await _api.PostAsync(coordinator, $"{P(p)}/status", new { action = "enrol" }, ct);
        var invitation = await _api.PostAsync(coordinator, $"{P(p)}/invitation", new { timeZone = p.Site.TimeZone }, ct);
        var token = invitation.GetProperty("link").GetString()!.Split('/')[^1];
        var activated = await _api.PostAsync(_api.Anonymous(), "/api/participant-app/activate", new { token, pin = DemoAccounts.Pin }, ct);
        p.ActivatedOn = Dermis.Trials.Diaries.DiaryCalendar.LocalDate(_clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(p.Site.TimeZone));
        _toSignIn.Enqueue((p, activated.GetProperty("username").GetString()!));
        if (p.Index % 4 == 0 || p.Number.EndsWith("-0001", StringComparison.Ordinal))
        {
            p.Plan(day.AddDays(1), token2 => ElectronicConsentAsync(p, token2));
        }

        p.Plan(p.BaselineOn, token2 => BaselineAsync(p, token2));
    }

    private async Task BaselineAsync(DemoParticipant p, CancellationToken ct)
    {
        var coordinator = _api.For(DemoAccounts.Coordinator(p.Site.Id));
        var visit = await VisitAsync(coordinator, p, "baseline", p.BaselineOn, ct);
        await VisitFormsAsync(coordinator, p, "baseline", visit, 0, complete: true, ct);
        var strata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["region"] = p.Site.Region,
            ["baselineViga"] = ((int)p.Placebo!.BaselineIga).ToString(CultureInfo.InvariantCulture),
        };
        await _api.PostAsync(coordinator, $"{P(p)}/randomise", new { strata }, ct);
        // The site is blinded; the unblinded sponsor statistician reads the arm, which picks the trajectory.
        var casebook = await _api.GetAsync(_api.For(DemoAccounts.Sponsor), P(p), ct);
        p.Arm = casebook.GetProperty("arm").GetString();
        p.DiariesUntil = p.BaselineOn.AddDays(364);

        var visits = p.Trajectory.Visits;
        var schedule = _protocol.Visits.Where(v => !v.IsUnscheduled && v.Day > 1).ToList();
        for (var v = 1; v < visits.Count && v - 1 < schedule.Count; v++)
        {
            var definition = schedule[v - 1];
            var random = new Random(DemoSeed.Of(p.Seed, v, 2));
            // Most visits inside the window; about 4 % a few days late (a visitOutOfWindow deviation).
            var offset = random.NextDouble() < 0.04 ? definition.WindowAfterDays + 1 + random.Next(4) : random.Next(-definition.WindowBeforeDays, definition.WindowAfterDays + 1);
            var date = p.BaselineOn.AddDays(definition.Day - 1 + offset);
            if (visits[v].DiscontinuedBefore)
            {
                p.DiariesUntil = date.AddDays(-1);
                if (date <= _last)
                {
                    var reason = random.NextDouble() < 0.5 ? "Withdrew consent: moving away" : "Adverse event: conjunctivitis";
                    p.Plan(date, token => _api.PostAsync(coordinator, $"{P(p)}/status", new { action = "withdraw", reason }, token));
                }

                break;
            }

            if (date > _last)
            {
                break;
            }

            var index = v;
            var isLast = v == visits.Count - 1;
            p.Plan(date, token => ScheduledVisitAsync(p, definition.Id, index, date, isLast, token));
        }
    }

    private async Task ScheduledVisitAsync(DemoParticipant p, string visitId, int index, DateOnly date, bool lastVisit, CancellationToken ct)
    {
        var coordinator = _api.For(DemoAccounts.Coordinator(p.Site.Id));
        var visit = await VisitAsync(coordinator, p, visitId, date, ct);
        // Sites enter a visit's forms 0–5 days after it (the dashboard's data-entry lag).
        var lag = new Random(DemoSeed.Of(p.Seed, index, 8)).Next(0, 6);
        var entryDay = date.AddDays(lag) <= _last ? date.AddDays(lag) : date;
        if (entryDay == date)
        {
            await EnterVisitAsync(p, visitId, visit, index, date, lastVisit, ct);
        }
        else
        {
            p.Plan(entryDay, token => EnterVisitAsync(p, visitId, visit, index, date, lastVisit, token));
        }
    }

    private async Task EnterVisitAsync(DemoParticipant p, string visitId, long visit, int index, DateOnly date, bool lastVisit, CancellationToken ct)
    {
        var coordinator = _api.For(DemoAccounts.Coordinator(p.Site.Id));
        // Recent visits are still being entered: forms of the last 10 days stay incomplete.
        var complete = date < _last.AddDays(-10);
        var forms = await VisitFormsAsync(coordinator, p, visitId, visit, index, complete, ct);
        var random = new Random(DemoSeed.Of(p.Seed, index, 3));
        if (complete && random.NextDouble() < 0.35)
        {
            // The monitor's source data verification of the primary efficacy forms.
            var monitor = _api.For(DemoAccounts.Monitor(p.Site.Id));
            foreach (var form in new[] { "easi", "viga" })
            {
                await _api.PostAsync(monitor, $"{P(p)}/visits/{visit}/forms/{form}/actions", new { action = "sourceVerify", rowVersion = forms[form] }, ct);
            }
        }

        if (random.NextDouble() < 0.06)
        {
            await RaiseQueryAsync(p, visit, date, random, ct);
        }

        if (lastVisit && complete)
        {
            // Completed at the end-of-treatment visit: the app's diaries close with it.
            p.DiariesUntil = date.AddDays(-1);
            await _api.PostAsync(coordinator, $"{P(p)}/status", new { action = "complete" }, ct);
        }
    }

    private async Task RaiseQueryAsync(DemoParticipant p, long visit, DateOnly date, Random random, CancellationToken ct)
    {
        string[] texts =
        [
            "EASI lower limbs area score differs from the body map in the source notes: please confirm.",
            "vIGA-AD grade recorded as 2 in the source, entered as a different grade: please check.",
            "Please confirm the date of the assessment; the source shows the visit one day earlier.",
        ];
        var pick = random.Next(texts.Length);
        var monitor = _api.For(DemoAccounts.Monitor(p.Site.Id));
        var raised = await _api.PostAsync(monitor, $"{P(p)}/queries", new { visit, form = pick == 1 ? "viga" : "easi", item = pick == 1 ? "grade" : "total", text = texts[pick] }, ct);
        var id = raised.GetProperty("id").GetInt64();
        var answerOn = date.AddDays(3 + random.Next(10));
        if (answerOn <= _last && random.NextDouble() < 0.75)
        {
            p.Plan(answerOn, token => _api.PostAsync(_api.For(DemoAccounts.Coordinator(p.Site.Id)), $"{S}/queries/{id}/answer",
                new { text = "Checked against the source: the entry is correct as recorded." }, token));
            var closeOn = answerOn.AddDays(2 + random.Next(8));
            if (closeOn <= _last && random.NextDouble() < 0.7)
            {
                p.Plan(closeOn, token => _api.PostAsync(monitor, $"{S}/queries/{id}/close", new { text = "Confirmed at the monitoring visit." }, token));
            }
        }
    }

    /// <summary>Saves every form of a visit from the allocated trajectory; returns each form's row version.</summary>
    private async Task<Dictionary<string, long>> VisitFormsAsync(HttpClient coordinator, DemoParticipant p, string visitId, long visit, int index, bool complete, CancellationToken ct)
    {
        var simulated = p.Trajectory.Visits[index];
        var studyDay = simulated.Week * 7;
        var random = new Random(DemoSeed.Of(p.Seed, index, 4));
        var easi = simulated.Easi ?? 0m;
        var itch = simulated.Itch ?? 0m;
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        // vIGA-AD before EASI (EC-VIGA-MISSING fires on an EASI saved without it).
        foreach (var form in _protocol.Visits.Single(v => v.Id == visitId).FormIds.OrderBy(f => f == "easi" ? 1 : 0))
        {
            JsonObject data = form switch
            {
                "vitals" => DemoForms.Vitals(p.WeightKg + Math.Round((decimal)(random.NextDouble() - 0.5) * 2m, 1), p.HeightCm, random),
                "bsa" => new JsonObject { ["percent"] = DemoForms.Bsa(easi) },
                "easi" => DemoForms.Easi(easi, p.BaselineOn.Year - p.BirthYear),
                "viga" => DemoForms.Viga(simulated.Iga ?? 0m),
                "scorad" => DemoForms.Scorad(DemoForms.Bsa(easi), easi, itch),
                "poem" => DemoForms.Poem(DemoTrajectory.Poem(p, studyDay)),
                "dlqi" => DemoForms.Dlqi(DemoTrajectory.Dlqi(p, studyDay)),
                "ppnrs" => DemoForms.Ppnrs(DemoTrajectory.Week(p, 0), DemoTrajectory.Week(p, studyDay)),
                _ => throw new DemoSeedException($"The demo has no values for form '{form}' of visit {visitId}."),
            };
            versions[form] = await FormAsync(coordinator, p, visit, form, data, complete, ct);
        }

        return versions;
    }

    private async Task<long> VisitAsync(HttpClient coordinator, DemoParticipant p, string visitId, DateOnly date, CancellationToken ct)
    {
        var visit = await _api.PostAsync(coordinator, $"{P(p)}/visits", new { visit = visitId, date = Date(date) }, ct);
        return visit.GetProperty("id").GetInt64();
    }

    private async Task<long> FormAsync(HttpClient coordinator, DemoParticipant p, long visit, string form, JsonObject data, bool complete, CancellationToken ct)
    {
        var path = $"{P(p)}/visits/{visit}/forms/{form}";
        var saved = await _api.PutAsync(coordinator, path, new { data }, ct);
        var version = saved.GetProperty("rowVersion").GetInt64();
        if (!complete)
        {
            return version;
        }

        var done = await _api.PostAsync(coordinator, path + "/actions", new { action = "complete", rowVersion = version }, ct);
        return done.GetProperty("rowVersion").GetInt64();
    }

    private static string P(DemoParticipant p) => $"{S}/participants/{p.Number}";
}
