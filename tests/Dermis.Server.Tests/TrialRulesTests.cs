using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dermis.Testing;

namespace Dermis.Server.Tests;

/// <summary>Amendments and re-consent, freeze versus lock, unscheduled visits, cookie sign-in, bad input.</summary>
public sealed class TrialRulesTests
{
    private static object Vitals(decimal weight) => new { weight, systolic = 124 };

    public static TheoryData<string> Engines => TestDatabase.Engines;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Concurrent_saves_of_one_form_store_exactly_one_and_refuse_the_others_with_409(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);
        var s = $"/api/studies/{trial.Study}";
        var p = await trial.EnrolAsync();
        var (_, visit) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "baseline", date = "2026-09-01" });
        var vitals = $"{s}/participants/{p}/visits/{visit.GetProperty("id").GetInt64()}/forms/vitals";

        // Eight first entries of the same empty form at once, then eight updates from version 1 at once.
        var first = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => trial.PutAsync("coord.de", vitals, new { data = Vitals(60m + i) })));
        var second = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => trial.PutAsync("coord.de", vitals, new { data = Vitals(80m + i), rowVersion = 1 })));

        Assert.Equal(1, first.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(first.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        Assert.Equal(1, second.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(second.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        var (_, form) = await trial.GetAsync("coord.de", vitals);
        Assert.Equal(2, form.GetProperty("rowVersion").GetInt64());
        var (_, audit) = await trial.GetAsync("dm", $"{s}/audit?participant={p}&item=weight");
        Assert.Equal(2, audit.GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Concurrent_creation_of_one_account_stores_it_once_and_answers_the_rest_with_409_never_500(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => trial.PostAsync("admin", $"/api/studies/{trial.Study}/staff",
            new { username = "twin", displayName = "Twin", password = "0123456789abc", roles = new[] { new { role = "monitor", site = "DE01" } } })));

        Assert.Contains(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        var (_, staff) = await trial.GetAsync("admin", $"/api/studies/{trial.Study}/staff");
        Assert.Equal(1, staff.EnumerateArray().Count(s => s.GetProperty("username").GetString() == "twin"));
    }

    [Fact]
    public async Task Monitor_verifies_source_and_raises_queries_and_the_investigator_signs_the_casebook()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var s = $"/api/studies/{trial.Study}";
        var p = await trial.EnrolAsync();
        var (_, visit) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "baseline", date = "2026-09-01" });
        var v = visit.GetProperty("id").GetInt64();
        var vitals = $"{s}/participants/{p}/visits/{v}/forms/vitals";
        await trial.PutAsync("coord.de", vitals, new { data = Vitals(72m) });

        // Source verification needs a complete form, and only a monitor may do it.
        var (status, body) = await trial.PostAsync("mon", $"{vitals}/actions", new { action = "sourceVerify", rowVersion = 1 });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("form vitals is inProgress: 'sourceVerify' is not allowed; allowed: save, complete", body.GetProperty("detail").GetString());
        await trial.PostAsync("coord.de", $"{vitals}/actions", new { action = "complete", rowVersion = 1 });
        (status, _) = await trial.PostAsync("coord.de", $"{vitals}/actions", new { action = "sourceVerify", rowVersion = 2 });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, body) = await trial.PostAsync("mon", $"{vitals}/actions", new { action = "sourceVerify", rowVersion = 2 });
        Assert.Equal("sourceVerified", body.GetProperty("status").GetString());

        // A manual query: the site answers, the monitor re-opens, the site answers again, the monitor closes.
        (status, body) = await trial.PostAsync("mon", $"{s}/participants/{p}/queries", new { visit = v, form = "vitals", item = "weight", text = "Source says 72.4 kg; please check." });
        Assert.Equal(HttpStatusCode.Created, status);
        var q = body.GetProperty("id").GetInt64();
        Assert.Equal("manual", body.GetProperty("kind").GetString());
        await trial.PostAsync("coord.de", $"{s}/queries/{q}/answer", new { text = "Rounded on entry." });
        (_, body) = await trial.PostAsync("mon", $"{s}/queries/{q}/reopen", new { text = "Enter the value to one decimal, please." });
        Assert.Equal("open", body.GetProperty("query").GetProperty("state").GetString());
        var (_, open) = await trial.GetAsync("dm", $"{s}/queries?state=open&participant={p}");
        Assert.Equal(q, Assert.Single(open.EnumerateArray()).GetProperty("id").GetInt64());
        (status, body) = await trial.PutAsync("coord.de", vitals, new { data = Vitals(72.4m), rowVersion = 3, reason = "Query: one decimal per source" });
        Assert.Equal("complete", body.GetProperty("status").GetString());
        await trial.PostAsync("coord.de", $"{s}/queries/{q}/answer", new { text = "Corrected to 72.4 kg." });
        (_, body) = await trial.PostAsync("mon", $"{s}/queries/{q}/close", new { text = "Resolved." });
        Assert.Equal(["open", "answer", "reopen", "answer", "close"], body.GetProperty("thread").EnumerateArray().Select(m => m.GetProperty("action").GetString()));
        var (_, closed) = await trial.GetAsync("dm", $"{s}/queries?state=closed");
        Assert.Single(closed.EnumerateArray());
        (status, _) = await trial.GetAsync("dm", $"{s}/queries?state=pending");
        Assert.Equal(HttpStatusCode.BadRequest, status);

        // The casebook signature (no visit) covers every form and marks each signed.
        (status, body) = await trial.PostAsync("inv.de", $"{s}/participants/{p}/signatures", new { password = TestServerHost.Password, meaning = "I approve this casebook." });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("casebook", body.GetProperty("scope").GetString());
        var (_, form) = await trial.GetAsync("coord.de", vitals);
        Assert.Equal("signed", form.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Amendment_keeps_entered_data_on_its_version_and_requires_reconsent()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var s = $"/api/studies/{trial.Study}";
        var p = await trial.EnrolAsync();
        var (_, visit) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "baseline", date = "2026-09-01" });
        var baseline = visit.GetProperty("id").GetInt64();
        await trial.PutAsync("coord.de", $"{s}/participants/{p}/visits/{baseline}/forms/vitals", new { data = Vitals(72.5m) });

        var admin = await trial.ClientAsync("admin");
        using var amended = await admin.PostAsync($"{s}/protocol", new StringContent(TestProtocols.AtopicDermatitisAmendment1, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);

        var (_, summary) = await trial.GetAsync("coord.de", $"{s}/participants/{p}");
        Assert.Equal("1.0", summary.GetProperty("protocolVersion").GetString());
        Assert.Equal("3.0", summary.GetProperty("consent").GetProperty("current").GetString());
        Assert.True(summary.GetProperty("consent").GetProperty("requiresReconsent").GetBoolean());
        var (_, form) = await trial.GetAsync("coord.de", $"{s}/participants/{p}/visits/{baseline}/forms/vitals");
        Assert.Equal("1.0", form.GetProperty("protocolVersion").GetString());
        var (status, body) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/consent", new { documentVersion = "2.0", signedOn = "2026-09-02", method = "remote" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("'2.0' is not the current consent document; allowed: 3.0", body.GetProperty("errors").GetProperty("documentVersion")[0].GetString());
        (status, body) = await trial.PutAsync("coord.de", $"{s}/participants/{p}/eligibility", new { answers = new Dictionary<string, bool> { ["IC9"] = true } });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("is not an eligibility criterion of DERM-T-201 1.0; criteria: IC1, IC2, EC1", body.GetProperty("errors").GetProperty("answers.IC9")[0].GetString());
        (status, _) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/consent", new { documentVersion = "3.0", signedOn = "2026-09-02", method = "remote" });
        Assert.Equal(HttpStatusCode.OK, status);
        (_, summary) = await trial.GetAsync("coord.de", $"{s}/participants/{p}");
        Assert.False(summary.GetProperty("consent").GetProperty("requiresReconsent").GetBoolean());
        var (_, second) = await trial.PostAsync("coord.de", $"{s}/sites/DE01/participants", new { });
        Assert.Equal("2.0", second.GetProperty("protocolVersion").GetString());
    }

    [Fact]
    public async Task Freeze_stops_data_edits_but_not_queries_and_lock_stops_both()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var s = $"/api/studies/{trial.Study}";
        var p = await trial.EnrolAsync();
        var (_, visit) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "baseline", date = "2026-09-01" });
        var v = visit.GetProperty("id").GetInt64();
        var vitals = $"{s}/participants/{p}/visits/{v}/forms/vitals";
        // 185 kg is inside the hard range (20–300) but outside the soft range (40–180): saved, with a query.
        var (_, form) = await trial.PutAsync("coord.de", vitals, new { data = Vitals(185m) });
        var query = form.GetProperty("queries")[0];
        Assert.Equal("softRange", query.GetProperty("kind").GetString());
        Assert.Equal("Weight 185 kg is outside the expected range 40 to 180 kg; please confirm or correct.", query.GetProperty("text").GetString());

        await trial.PostAsync("dm", $"{s}/locks", new { level = "visit", target = $"{p}/{v}", state = "frozen" });
        var (status, body) = await trial.PutAsync("coord.de", vitals, new { data = Vitals(85m), rowVersion = 1 });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("urn:dermis:problem:frozen", body.GetProperty("type").GetString());
        (status, _) = await trial.PostAsync("coord.de", $"{s}/queries/{query.GetProperty("id").GetInt64()}/answer", new { text = "Confirmed on the scale: 185 kg." });
        Assert.Equal(HttpStatusCode.OK, status);
        (_, form) = await trial.GetAsync("coord.de", vitals);
        Assert.Equal("frozen", form.GetProperty("lock").GetString());

        await trial.PostAsync("dm", $"{s}/locks", new { level = "study", state = "locked" });
        (status, body) = await trial.PostAsync("mon", $"{s}/queries/{query.GetProperty("id").GetInt64()}/close", new { text = "ok" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("urn:dermis:problem:locked", body.GetProperty("type").GetString());
        (status, _) = await trial.PostAsync("dm", $"{s}/locks", new { level = "study", state = "open" });
        Assert.Equal(HttpStatusCode.OK, status);
        (status, _) = await trial.PostAsync("mon", $"{s}/queries/{query.GetProperty("id").GetInt64()}/close", new { text = "ok" });
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Unscheduled_visits_repeat_and_scheduled_ones_do_not()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var s = $"/api/studies/{trial.Study}";
        var p = await trial.EnrolAsync();
        await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "baseline", date = "2026-09-01" });

        var (again, body) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "baseline", date = "2026-09-02" });
        var (first, one) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "unscheduled", date = "2026-09-10" });
        var (second, two) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "unscheduled", date = "2026-09-20" });
        var (bad, problem) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "week99", date = "2026-09-20" });

        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal("urn:dermis:problem:visit-exists", body.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal(HttpStatusCode.Created, second);
        Assert.Equal("notApplicable", two.GetProperty("windowStatus").GetString());
        Assert.NotEqual(one.GetProperty("id").GetInt64(), two.GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.StartsWith("'week99' is not a visit of DERM-T-201 1.0; allowed: screening, baseline, week4, week16, unscheduled",
            problem.GetProperty("errors").GetProperty("visit")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookie_sign_in_works_and_a_wrong_password_is_401_without_saying_which_part_was_wrong()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        using var client = Microsoft.AspNetCore.TestHost.HostBuilderTestServerExtensions.GetTestClient(trial.Host.App);

        using var wrong = await client.PostAsJsonAsync("/api/auth/login", new { username = "coord.de", password = "not the password" });
        using var unknown = await client.PostAsJsonAsync("/api/auth/login", new { username = "nobody", password = "not the password" });
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { username = "coord.de", password = TestServerHost.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dermis=", StringComparison.Ordinal));
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        me.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var meResponse = await client.SendAsync(me);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("The user name or password is wrong.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, meResponse.StatusCode);
        Assert.Equal("Carl Coordinator", (await meResponse.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Participant_account_sees_its_own_casebook_and_nothing_else()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var s = $"/api/studies/{trial.Study}";
        var mine = await trial.EnrolAsync();
        var other = await trial.EnrolAsync();
        var (created, _) = await trial.PostAsync("coord.de", $"{s}/participants/{mine}/account", new { username = "p.de0001", password = TestServerHost.Password });
        var (asStaff, problem) = await trial.PostAsync("admin", $"{s}/staff", new { username = "sneaky", displayName = "x", password = "0123456789abc", roles = new[] { new { role = "participant", site = "DE01" } } });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(HttpStatusCode.BadRequest, asStaff);
        Assert.True(problem.GetProperty("errors").TryGetProperty("roles[0].role", out _));

        var home = await trial.Host.ClientForAsync("p.de0001");
        using var own = await home.GetAsync(new Uri($"{s}/participants/{mine}", UriKind.Relative));
        using var others = await home.GetAsync(new Uri($"{s}/participants/{other}", UriKind.Relative));
        using var list = await home.GetAsync(new Uri($"{s}/participants", UriKind.Relative));
        using var sites = await home.GetAsync(new Uri($"{s}/sites", UriKind.Relative));
        using var visit = await home.PostAsJsonAsync($"{s}/participants/{mine}/visits", new { visit = "baseline", date = "2026-09-01" });
        using var audit = await home.GetAsync(new Uri($"{s}/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        var listed = await list.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(mine, Assert.Single(listed.EnumerateArray()).GetProperty("screeningNumber").GetString());
        Assert.Equal("[]", await sites.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, visit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
        home.Dispose();
    }

    [Fact]
    public async Task Invalid_protocol_is_422_naming_line_and_column_and_nothing_is_stored()
    {
        await using var trial = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var admin = await trial.ClientAsync("admin");
        var broken = TestProtocols.AtopicDermatitis.Replace("DERM-T-201", "DERM-T-999", StringComparison.Ordinal).Replace("ratio: 1 }", "ratio: 0 }", StringComparison.Ordinal);

        using var response = await admin.PostAsync("/api/studies", new StringContent(broken, Encoding.UTF8, "application/yaml"));
        var (status, _) = await trial.GetAsync("admin", "/api/studies/DERM-T-999");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("urn:dermis:problem:invalid-protocol", problem.GetProperty("type").GetString());
        Assert.Matches(@"^protocol:7:\d+: .*ratio", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
