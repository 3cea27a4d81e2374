using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dermis.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dermis.Server.Tests;

/// <summary>
/// The participant app over HTTP on a manual clock: invitation and activation, diaries in the
/// participant's time zone (DST included), anti-backfill, offline queueing, e-consent, devices,
/// isolation between participants and sites, diary compliance and the sign-in lockout, on both databases.
/// </summary>
public sealed class ParticipantAppTests
{
    public static TheoryData<string> Engines => TestDatabase.Engines;

    private const string S = "/api/studies/DERM-T-201";
    private const string Pin = "482915";

    /// <summary>The study team's consent document 2.0 as the participant reads it (the YAML block scalar keeps one final newline).</summary>
    private const string ConsentText = "You are invited to take part in a study of an IL-13 antibody for atopic dermatitis.\n\n"
        + "Taking part is voluntary: you may stop at any time without giving a reason.\n\n"
        + "Half of the participants receive placebo, decided by chance.\n";

    private const string ConsentDocuments = """
          documents:
            - version: "2.0"
              title: Participant information and consent form (version 2.0)
              text: |
                You are invited to take part in a study of an IL-13 antibody for atopic dermatitis.

                Taking part is voluntary: you may stop at any time without giving a reason.

                Half of the participants receive placebo, decided by chance.
              questions:
                - { id: voluntary, text: "Can you stop taking part at any time?", options: ["Yes", "No"], answer: "Yes", explanation: "Taking part is voluntary (second paragraph)." }
                - { id: placebo, text: "Will everyone receive the antibody?", options: ["Yes", "No, half receive placebo"], answer: "No, half receive placebo", explanation: "Half of the participants receive placebo (last paragraph)." }

        """;

    private const string Diaries = """
        diaries:
          - { id: itch, name: Evening itch, instrument: ppnrs, every: 1, from: activation, until: 113, opens: "18:00", closes: "11:00", minimumDaysPerWeek: 4 }
          - { id: poem, name: POEM, instrument: poem, every: 7, from: 1, until: 113, opens: "08:00", closes: "23:59", closesAfterDays: 2 }

        """;

    /// <summary>
    /// Amendment 2.0 of the test protocol with an electronic consent document (two comprehension
    /// questions) and two diaries: the evening itch from the day after activation (18:00 to 11:00 the
    /// next day) and the weekly POEM from study day 1 (08:00 to 23:59 two days later).
    /// </summary>
    private static string Protocol =>
        TestProtocols.AtopicDermatitis
            .Replace("version: \"1.0\"", "version: \"2.0\"", StringComparison.Ordinal)
            .Replace("  documentVersion: \"2.0\"\n", "  documentVersion: \"2.0\"\n" + ConsentDocuments, StringComparison.Ordinal)
            .Replace("\neligibility:\n", "\n" + Diaries + "eligibility:\n", StringComparison.Ordinal);

    /// <summary>Friday 2026-03-27, 13:00 in Berlin (UTC+01:00); Europe/Berlin moves to UTC+02:00 in the night of 28 to 29 March.</summary>
    private static DateTimeOffset Start => new(2026, 3, 27, 12, 0, 0, TimeSpan.Zero);

    private static object Itch(int worst) => new { worstItch = worst };

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Diary_journey_follows_the_participants_time_zone_across_DST_and_refuses_backfill(string engine)
    {
        await using var app = await App.StartAsync(engine);
        var p = await app.ScreenAsync();
        Assert.Equal("DE01-0001", p);

        // The site invites the participant; the link is shown once.
        var invitation = Expect(HttpStatusCode.Created, await app.SendAsync("coord.de", HttpMethod.Post, $"{S}/participants/{p}/invitation", new { timeZone = "Europe/Berlin" }));
        Assert.Equal("DE01-0001", invitation.GetProperty("participant").GetString());
        Assert.Equal("Europe/Berlin", invitation.GetProperty("timeZone").GetString());
        Assert.Equal(Start.AddDays(7), invitation.GetProperty("expiresAt").GetDateTimeOffset());
        var link = invitation.GetProperty("link").GetString()!;
        Assert.StartsWith("/p/join/", link, StringComparison.Ordinal);
        Assert.Equal(43, App.TokenOf(link).Length);

        // Activation with a PIN creates the pseudonymous account; the PIN signs in.
        var activated = Expect(HttpStatusCode.Created, await app.AnonymousAsync("/api/participant-app/activate", new { token = App.TokenOf(link), pin = Pin }));
        Assert.Equal("derm-t-201-de01-0001", activated.GetProperty("username").GetString());
        Assert.Equal("DE01-0001", activated.GetProperty("participant").GetString());
        Assert.Equal("DERM-T-201", activated.GetProperty("study").GetString());
        var me = app.Participant("derm-t-201-de01-0001", Pin);
        var token = Expect(HttpStatusCode.OK, await app.AnonymousAsync("/api/auth/token", new { username = me, password = Pin }));
        Assert.Equal(me, token.GetProperty("username").GetString());
        Assert.Equal("Participant DE01-0001", token.GetProperty("displayName").GetString());

        // Activation day (local 2026-03-27) is partial: the first itch diary is due the next day.
        var today = Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/today"));
        Assert.Equal("DE01-0001", today.GetProperty("participant").GetString());
        Assert.Equal("DERM-T-201", today.GetProperty("study").GetString());
        Assert.Equal("Europe/Berlin", today.GetProperty("timeZone").GetString());
        Assert.Equal("2026-03-27", today.GetProperty("today").GetString());
        Assert.True(today.GetProperty("consentNeeded").GetBoolean());
        Assert.Equal("2.0", today.GetProperty("consentVersion").GetString());
        Assert.DoesNotContain(today.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("date").GetString() == "2026-03-27");
        // A new participant still sees when to start: the first window, tomorrow 18:00 CET (17:00Z), is listed as upcoming.
        var first = Assert.Single(today.GetProperty("tasks").EnumerateArray());
        Assert.Equal(("itch", "2026-03-28", "upcoming"), (first.GetProperty("diary").GetString(), first.GetProperty("date").GetString(), first.GetProperty("state").GetString()));
        Assert.Equal(DateTimeOffset.Parse("2026-03-28T17:00:00Z", CultureInfo.InvariantCulture), first.GetProperty("opens").GetDateTimeOffset());

        // Saturday morning: the evening's diary is upcoming, 18:00 CET to 11:00 CEST (the clocks go forward that night: a 16-hour window).
        app.At("2026-03-28T08:00:00Z");
        today = Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/today"));
        Assert.Equal("2026-03-28", today.GetProperty("today").GetString());
        var task = Assert.Single(today.GetProperty("tasks").EnumerateArray());
        Assert.Equal("itch", task.GetProperty("diary").GetString());
        Assert.Equal("Evening itch", task.GetProperty("name").GetString());
        Assert.Equal("ppnrs", task.GetProperty("instrument").GetString());
        Assert.Equal("2026-03-28", task.GetProperty("date").GetString());
        Assert.Equal("upcoming", task.GetProperty("state").GetString());
        Assert.Equal("2026-03-28T18:00:00+01:00", task.GetProperty("opens").GetString());
        Assert.Equal("2026-03-29T11:00:00+02:00", task.GetProperty("closes").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 17, 0, 0, TimeSpan.Zero), task.GetProperty("opens").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 9, 0, 0, TimeSpan.Zero), task.GetProperty("closes").GetDateTimeOffset());

        // 20:00 local: the window is open.
        app.At("2026-03-28T19:00:00Z");
        today = Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/today"));
        Assert.Equal(["itch 2026-03-28 open"], Tasks(today)); // tomorrow's window is not announced while tonight's is open
        var refused = Expect(HttpStatusCode.BadRequest, await app.EnterAsync(me, "itch", "2026-03-28", "entry-0328-a", "2026-03-28T20:00:00+01:00", Itch(11)));
        Assert.Equal("is required: your worst itch in the past 24 hours, a whole number 0 (no itch) to 10 (worst imaginable itch)", App.FieldError(refused, "answers.worstItch"));
        refused = Expect(HttpStatusCode.BadRequest, await app.EnterAsync(me, "itch", "2026-03-28", "entry-0328-a", "2026-03-28 20:00", Itch(7)));
        Assert.Equal("is required: when the entry was made, ISO 8601 with the UTC offset, e.g. 2026-11-21T20:15:00+01:00", App.FieldError(refused, "deviceTime"));

        var entry = Expect(HttpStatusCode.Created, await app.EnterAsync(me, "itch", "2026-03-28", "entry-0328-a", "2026-03-28T20:00:00+01:00", Itch(7)));
        Assert.Equal("itch", entry.GetProperty("diary").GetString());
        Assert.Equal("2026-03-28", entry.GetProperty("date").GetString());
        Assert.Equal(7, entry.GetProperty("answers").GetProperty("worstItch").GetInt32());
        Assert.Equal(7m, entry.GetProperty("score").GetDecimal());
        Assert.Equal("2026-03-28T20:00:00+01:00", entry.GetProperty("deviceTime").GetString());
        Assert.Equal("2026-03-28T19:00:00.000000Z", entry.GetProperty("serverTime").GetString());
        Assert.False(entry.GetProperty("queued").GetBoolean());
        Assert.False(entry.GetProperty("replayed").GetBoolean());

        // A retry of the same entry (the phone lost the answer) is answered with the stored entry; nothing is added.
        app.At("2026-03-28T19:05:00Z");
        var replay = Expect(HttpStatusCode.OK, await app.EnterAsync(me, "itch", "2026-03-28", "entry-0328-a", "2026-03-28T20:00:00+01:00", Itch(7)));
        Assert.True(replay.GetProperty("replayed").GetBoolean());
        Assert.False(replay.GetProperty("queued").GetBoolean());
        Assert.Equal("2026-03-28T19:00:00.000000Z", replay.GetProperty("serverTime").GetString());
        var history = Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/entries"));
        Assert.Equal("2026-03-28", Assert.Single(history.GetProperty("entries").EnumerateArray()).GetProperty("date").GetString());
        Assert.Equal(4, history.GetProperty("minimumDaysPerWeek").GetInt32());
        Assert.Empty(history.GetProperty("itchWeeks").EnumerateArray()); // no baseline visit yet: no study weeks

        // Another entry for the same date is refused: a diary entry cannot be changed.
        var conflict = Expect(HttpStatusCode.Conflict, await app.EnterAsync(me, "itch", "2026-03-28", "entry-0328-b", "2026-03-28T20:04:00+01:00", Itch(3)));
        Assert.Equal("urn:dermis:problem:already-entered", App.Type(conflict));
        Assert.Equal("The Evening itch for 2026-03-28 was already entered at 2026-03-28 20:00; a diary entry cannot be changed.", App.Detail(conflict));
        conflict = Expect(HttpStatusCode.Conflict, await app.EnterAsync(me, "itch", "2026-03-29", "entry-0328-a", "2026-03-28T20:04:00+01:00", Itch(3)));
        Assert.Equal("urn:dermis:problem:client-entry-id-reused", App.Type(conflict));
        today = Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/today"));
        Assert.Equal(["itch 2026-03-29 upcoming", "itch 2026-03-28 done"], Tasks(today));

        // Sunday noon (CEST): tonight's diary is not open yet; a phone clock set ahead cannot open it; the activation day was never due.
        app.At("2026-03-29T10:00:00Z");
        refused = Expect(HttpStatusCode.UnprocessableEntity, await app.EnterAsync(me, "itch", "2026-03-29", "entry-0329-a", "2026-03-29T12:00:00+02:00", Itch(5)));
        Assert.Equal("urn:dermis:problem:not-open-yet", App.Type(refused));
        Assert.Equal("The diary for 2026-03-29 opens at 18:00 on 2026-03-29 (UTC+02:00); this entry was made at 12:00 on 2026-03-29. Please come back when the diary opens.", App.Detail(refused));
        refused = Expect(HttpStatusCode.UnprocessableEntity, await app.EnterAsync(me, "itch", "2026-03-29", "entry-0329-a", "2026-03-29T20:00:00+02:00", Itch(5)));
        Assert.Equal("urn:dermis:problem:device-clock-ahead", App.Type(refused));
        Assert.Equal("This entry for the diary of 2026-03-29 is dated 20:00 on 2026-03-29 (UTC+02:00) by your phone, but it reached us at 12:00 on 2026-03-29. "
            + "Your phone's clock is more than 5 minutes ahead: set it to the correct time (automatic date and time) and enter the diary again.", App.Detail(refused));
        refused = Expect(HttpStatusCode.UnprocessableEntity, await app.EnterAsync(me, "itch", "2026-03-27", "entry-0327-a", "2026-03-29T12:00:00+02:00", Itch(5)));
        Assert.Equal("urn:dermis:problem:not-due", App.Type(refused));
        Assert.Equal("No Evening itch is due on 2026-03-27. Due dates around today: 2026-03-28, 2026-03-29, 2026-03-30.", App.Detail(refused));
        Expect(HttpStatusCode.NotFound, await app.EnterAsync(me, "sleep", "2026-03-29", "entry-0329-a", "2026-03-29T12:00:00+02:00", Itch(5)));

        // Monday 14:00: Sunday's window closed at 11:00 this morning; a late entry is refused (anti-backfill).
        app.At("2026-03-30T12:00:00Z");
        refused = Expect(HttpStatusCode.UnprocessableEntity, await app.EnterAsync(me, "itch", "2026-03-29", "entry-0329-a", "2026-03-30T14:00:00+02:00", Itch(5)));
        Assert.Equal("urn:dermis:problem:closed", App.Type(refused));
        Assert.Equal("Entry refused", refused.GetProperty("title").GetString());
        Assert.Equal("The diary for 2026-03-29 closed at 11:00 on 2026-03-30 (UTC+02:00); this entry was made at 14:00 on 2026-03-30. Entries cannot be made after the window closes.", App.Detail(refused));
        today = Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/today"));
        Assert.Equal(["itch 2026-03-30 upcoming", "itch 2026-03-28 done", "itch 2026-03-29 missed"], Tasks(today));

        // Offline: made at 21:00 inside Monday's window, it reaches the server Tuesday afternoon, after the close but within the 72-hour grace.
        app.At("2026-03-31T15:00:00Z");
        var queued = Expect(HttpStatusCode.Created, await app.EnterAsync(me, "itch", "2026-03-30", "entry-0330-offline", "2026-03-30T21:00:00+02:00", Itch(4)));
        Assert.True(queued.GetProperty("queued").GetBoolean());
        Assert.Equal("2026-03-31T15:00:00.000000Z", queued.GetProperty("serverTime").GetString());
        replay = Expect(HttpStatusCode.OK, await app.EnterAsync(me, "itch", "2026-03-30", "entry-0330-offline", "2026-03-30T21:00:00+02:00", Itch(4)));
        Assert.True(replay.GetProperty("replayed").GetBoolean());
        Assert.True(replay.GetProperty("queued").GetBoolean());
        history = Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/entries"));
        Assert.Equal(["2026-03-30 4 queued", "2026-03-28 7 live"], history.GetProperty("entries").EnumerateArray()
            .Select(e => $"{e.GetProperty("date").GetString()} {e.GetProperty("score").GetDecimal()} {(e.GetProperty("queued").GetBoolean() ? "queued" : "live")}"));

        // Made inside Tuesday's window but held on the phone until after the grace (Wednesday 11:00 + 72 h): not counted.
        app.At("2026-04-04T10:00:00Z");
        refused = Expect(HttpStatusCode.UnprocessableEntity, await app.EnterAsync(me, "itch", "2026-03-31", "entry-0331-offline", "2026-03-31T20:00:00+02:00", Itch(2)));
        Assert.Equal("urn:dermis:problem:offline-grace-exceeded", App.Type(refused));
        Assert.Equal("This entry for the diary of 2026-03-31 was made at 20:00 on 2026-03-31 (UTC+02:00), inside the window, but it reached us at 12:00 on 2026-04-04. "
            + "An entry saved on the phone without a connection must reach us within 72 hours after the diary closes, by 11:00 on 2026-04-04, so this one cannot be counted.", App.Detail(refused));

        // The site sees the same two entries.
        var staffView = Expect(HttpStatusCode.OK, await app.SendAsync("coord.de", HttpMethod.Get, $"{S}/participants/{p}/diary-entries"));
        Assert.Equal(["2026-03-30", "2026-03-28"], staffView.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("date").GetString()));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task EConsent_needs_right_answers_and_PIN_then_investigator_countersignature_and_counts_as_consent(string engine)
    {
        await using var app = await App.StartAsync(engine);
        var p = await app.ScreenAsync();
        var me = await app.JoinAsync(p);

        // The document as the participant reads it: text and questions, never the right answers.
        var document = Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/consent"));
        Assert.Equal("2.0", document.GetProperty("version").GetString());
        Assert.Equal("Participant information and consent form (version 2.0)", document.GetProperty("title").GetString());
        Assert.Equal(ConsentText, document.GetProperty("text").GetString());
        Assert.True(document.GetProperty("needed").GetBoolean());
        Assert.Empty(document.GetProperty("signed").EnumerateArray());
        var questions = document.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(["voluntary", "placebo"], questions.Select(q => q.GetProperty("id").GetString()));
        Assert.Equal(["Yes", "No, half receive placebo"], questions[1].GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        Assert.All(questions, q => Assert.False(q.TryGetProperty("answer", out _)));
        Assert.DoesNotContain("explanation", document.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var right = new Dictionary<string, string> { ["voluntary"] = "Yes", ["placebo"] = "No, half receive placebo" };
        var wrong = new Dictionary<string, string> { ["voluntary"] = "Yes", ["placebo"] = "Yes" };
        var refused = Expect(HttpStatusCode.BadRequest, await app.SendAsync(me, HttpMethod.Post, "/api/me/consent", new { answers = wrong, typedName = "Anna Schmidt", pin = Pin }));
        Assert.Equal("'Yes' is not right. Half of the participants receive placebo (last paragraph).", App.FieldError(refused, "answers.placebo"));
        Assert.False(refused.GetProperty("errors").TryGetProperty("answers.voluntary", out _));
        refused = Expect(HttpStatusCode.BadRequest, await app.SendAsync(me, HttpMethod.Post, "/api/me/consent", new { answers = right, typedName = "Anna Schmidt", pin = "000000" }));
        Assert.Equal("is not your PIN; re-enter the PIN you chose when you activated the app", App.FieldError(refused, "pin"));
        refused = Expect(HttpStatusCode.BadRequest, await app.SendAsync(me, HttpMethod.Post, "/api/me/consent", new { answers = right, typedName = " ", pin = Pin }));
        Assert.Equal("is required: type your full name to sign", App.FieldError(refused, "typedName"));

        var signed = Expect(HttpStatusCode.Created, await app.SendAsync(me, HttpMethod.Post, "/api/me/consent", new { answers = right, typedName = " Anna Schmidt ", pin = Pin }));
        Assert.Equal("2.0", signed.GetProperty("documentVersion").GetString());
        Assert.Equal("Anna Schmidt", signed.GetProperty("signedName").GetString());
        Assert.Equal(Start, signed.GetProperty("signedAt").GetDateTimeOffset());
        Assert.True(signed.GetProperty("hashVerified").GetBoolean());
        Assert.True(signed.GetProperty("current").GetBoolean());
        Assert.Equal(JsonValueKind.Null, signed.GetProperty("countersignedBy").ValueKind);
        var sha256 = signed.GetProperty("sha256").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", sha256);
        // The hash covers the canonical snapshot of what was signed: recomputed here from the parts the view shows.
        Assert.Equal(SnapshotHash("DERM-T-201", p, "2.0", signed, me), sha256);
        var id = signed.GetProperty("id").GetInt64();

        var again = Expect(HttpStatusCode.Conflict, await app.SendAsync(me, HttpMethod.Post, "/api/me/consent", new { answers = right, typedName = "Anna Schmidt", pin = Pin }));
        Assert.Equal("urn:dermis:problem:already-consented", App.Type(again));

        // The site sees it with its hash, not yet countersigned.
        var consents = Expect(HttpStatusCode.OK, await app.SendAsync("coord.de", HttpMethod.Get, $"{S}/participants/{p}/econsents"));
        var listed = Assert.Single(consents.EnumerateArray());
        Assert.Equal(sha256, listed.GetProperty("sha256").GetString());
        Assert.True(listed.GetProperty("hashVerified").GetBoolean());
        Assert.Equal(right, listed.GetProperty("answers").Deserialize<Dictionary<string, string>>());

        // Only the investigator countersigns, with their password.
        var countersign = $"{S}/participants/{p}/econsents/{id}/countersign";
        Expect(HttpStatusCode.Forbidden, await app.SendAsync("coord.de", HttpMethod.Post, countersign, new { password = TestServerHost.Password }));
        Expect(HttpStatusCode.Forbidden, await app.SendAsync(me, HttpMethod.Post, countersign, new { password = Pin }));
        Expect(HttpStatusCode.NotFound, await app.SendAsync("coord.fr", HttpMethod.Post, countersign, new { password = TestServerHost.Password }));
        refused = Expect(HttpStatusCode.BadRequest, await app.SendAsync("inv.de", HttpMethod.Post, countersign, new { password = "not the password" }));
        Assert.Equal("is not your password; re-enter it to sign", App.FieldError(refused, "password"));
        app.At("2026-03-27T14:30:00Z");
        var countersigned = Expect(HttpStatusCode.OK, await app.SendAsync("inv.de", HttpMethod.Post, countersign, new { password = TestServerHost.Password }));
        Assert.Equal("inv.de", countersigned.GetProperty("countersignedBy").GetString());
        Assert.Equal("Dr. Ines Weber", countersigned.GetProperty("countersignedName").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 27, 14, 30, 0, TimeSpan.Zero), countersigned.GetProperty("countersignedAt").GetDateTimeOffset());
        Assert.Equal(sha256, countersigned.GetProperty("sha256").GetString());
        Assert.Equal("urn:dermis:problem:already-countersigned",
            App.Type(Expect(HttpStatusCode.Conflict, await app.SendAsync("inv.de", HttpMethod.Post, countersign, new { password = TestServerHost.Password }))));

        // The countersigned e-consent is the participant's consent in the casebook...
        var casebook = Expect(HttpStatusCode.OK, await app.SendAsync("coord.de", HttpMethod.Get, $"{S}/participants/{p}"));
        var consent = Assert.Single(casebook.GetProperty("consent").GetProperty("signed").EnumerateArray());
        Assert.Equal("2.0", consent.GetProperty("documentVersion").GetString());
        Assert.Equal("2026-03-27", consent.GetProperty("signedOn").GetString());
        Assert.Equal("electronic", consent.GetProperty("method").GetString());
        Assert.Equal("inv.de", consent.GetProperty("recordedBy").GetString());
        Assert.False(casebook.GetProperty("consent").GetProperty("requiresReconsent").GetBoolean());

        // ... so enrolment's consent rule holds; the participant sees it signed and needed no more.
        Expect(HttpStatusCode.OK, await app.SendAsync("coord.de", HttpMethod.Put, $"{S}/participants/{p}/eligibility",
            new { answers = new Dictionary<string, bool> { ["IC1"] = true, ["IC2"] = true, ["EC1"] = false } }));
        Assert.Equal("enrolled", Expect(HttpStatusCode.OK, await app.SendAsync("coord.de", HttpMethod.Post, $"{S}/participants/{p}/status", new { action = "enrol" }))
            .GetProperty("status").GetString());
        document = Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/consent"));
        Assert.False(document.GetProperty("needed").GetBoolean());
        Assert.Equal("inv.de", Assert.Single(document.GetProperty("signed").EnumerateArray()).GetProperty("countersignedBy").GetString());
        Assert.False(Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/today")).GetProperty("consentNeeded").GetBoolean());

        // The baseline visit today makes today study day 1: the weekly POEM is due and open (08:00 today to 23:59 on Sunday, CEST by then).
        Expect(HttpStatusCode.Created, await app.SendAsync("coord.de", HttpMethod.Post, $"{S}/participants/{p}/visits", new { visit = "baseline", date = "2026-03-27" }));
        var today = Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/today"));
        // The itch diary's first window (tomorrow evening) is announced; the POEM is open now.
        Assert.Equal(["poem 2026-03-27 open", "itch 2026-03-28 upcoming"], today.GetProperty("tasks").EnumerateArray()
            .Select(t => $"{t.GetProperty("diary").GetString()} {t.GetProperty("date").GetString()} {t.GetProperty("state").GetString()}"));
        var poem = today.GetProperty("tasks")[0];
        Assert.Equal("poem 2026-03-27 open 2026-03-27T08:00:00+01:00 2026-03-29T23:59:00+02:00",
            $"{poem.GetProperty("diary").GetString()} {poem.GetProperty("date").GetString()} {poem.GetProperty("state").GetString()} {poem.GetProperty("opens").GetString()} {poem.GetProperty("closes").GetString()}");
        var entry = Expect(HttpStatusCode.Created, await app.EnterAsync(me, "poem", "2026-03-27", "poem-week-1", "2026-03-27T15:29:00+01:00", new { answers = new List<int> { 4, 2, 1, 0, 2, 3, 4 } }));
        Assert.Equal(16m, entry.GetProperty("score").GetDecimal());
        Assert.False(entry.GetProperty("queued").GetBoolean());
        var history = Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/entries"));
        Assert.Equal(["1 2026-03-27 2026-04-02 False", "0 2026-03-20 2026-03-26 True"], history.GetProperty("itchWeeks").EnumerateArray()
            .Select(w => $"{w.GetProperty("week").GetInt32()} {w.GetProperty("from").GetString()} {w.GetProperty("to").GetString()} {w.GetProperty("complete").GetBoolean()}"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Devices_pair_by_serial_to_one_participant_at_a_time(string engine)
    {
        await using var app = await App.StartAsync(engine);
        var a = await app.JoinAsync(await app.ScreenAsync());
        var b = await app.JoinAsync(await app.ScreenAsync(), "270394");

        var paired = Expect(HttpStatusCode.Created, await app.SendAsync(a, HttpMethod.Post, "/api/me/devices", new { serial = " wb-1234 ", kind = "wristband" }));
        Assert.Equal("WB-1234", paired.GetProperty("serial").GetString());
        Assert.Equal("wristband", paired.GetProperty("kind").GetString());
        Assert.Equal(a, paired.GetProperty("pairedBy").GetString());
        Assert.Equal(Start, paired.GetProperty("pairedAt").GetDateTimeOffset());
        Assert.Matches("^[A-Za-z0-9_-]{43}$", paired.GetProperty("token").GetString());
        var id = paired.GetProperty("id").GetInt64();

        // The token is shown once; the list never carries it.
        var mine = Assert.Single(Expect(HttpStatusCode.OK, await app.SendAsync(a, HttpMethod.Get, "/api/me/devices")).EnumerateArray());
        Assert.Equal(id, mine.GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("token").ValueKind);

        var refused = Expect(HttpStatusCode.BadRequest, await app.SendAsync(a, HttpMethod.Post, "/api/me/devices", new { serial = "ab", kind = "watch" }));
        Assert.Equal("is required: the serial number on the device, 4–32 letters, digits or '-'", App.FieldError(refused, "serial"));
        Assert.Equal("is required: one of wristband, radio, sweatPatch", App.FieldError(refused, "kind"));

        var taken = Expect(HttpStatusCode.Conflict, await app.SendAsync(b, HttpMethod.Post, "/api/me/devices", new { serial = "WB-1234", kind = "wristband" }));
        Assert.Equal("urn:dermis:problem:device-paired", App.Type(taken));
        Assert.Equal("Device WB-1234 is already paired to another participant; unpair it first.", App.Detail(taken));
        taken = Expect(HttpStatusCode.Conflict, await app.SendAsync(a, HttpMethod.Post, "/api/me/devices", new { serial = "wb-1234", kind = "wristband" }));
        Assert.Equal("Device WB-1234 is already paired to you; unpair it first.", App.Detail(taken));

        // B cannot unpair A's device; A can.
        Expect(HttpStatusCode.NotFound, await app.SendAsync(b, HttpMethod.Delete, $"/api/me/devices/{id}"));
        app.At("2026-03-27T13:00:00Z");
        var (status, _) = await app.SendAsync(a, HttpMethod.Delete, $"/api/me/devices/{id}");
        Assert.Equal(HttpStatusCode.NoContent, status);
        Expect(HttpStatusCode.NotFound, await app.SendAsync(a, HttpMethod.Delete, $"/api/me/devices/{id}"));
        mine = Assert.Single(Expect(HttpStatusCode.OK, await app.SendAsync(a, HttpMethod.Get, "/api/me/devices")).EnumerateArray());
        Assert.Equal(new DateTimeOffset(2026, 3, 27, 13, 0, 0, TimeSpan.Zero), mine.GetProperty("unpairedAt").GetDateTimeOffset());

        // Now B may pair it; the site sees it, and may pair another for A itself.
        var again = Expect(HttpStatusCode.Created, await app.SendAsync(b, HttpMethod.Post, "/api/me/devices", new { serial = "WB-1234", kind = "wristband" }));
        Assert.NotEqual(paired.GetProperty("token").GetString(), again.GetProperty("token").GetString());
        var siteView = Assert.Single(Expect(HttpStatusCode.OK, await app.SendAsync("coord.de", HttpMethod.Get, $"{S}/participants/DE01-0002/devices")).EnumerateArray());
        Assert.Equal("WB-1234", siteView.GetProperty("serial").GetString());
        Assert.Equal(JsonValueKind.Null, siteView.GetProperty("unpairedAt").ValueKind);
        var radio = Expect(HttpStatusCode.Created, await app.SendAsync("coord.de", HttpMethod.Post, $"{S}/participants/DE01-0001/devices", new { serial = "RB-77", kind = "radio" }));
        Assert.Equal("coord.de", radio.GetProperty("pairedBy").GetString());
        Expect(HttpStatusCode.NotFound, await app.SendAsync("coord.fr", HttpMethod.Get, $"{S}/participants/DE01-0001/devices"));
        Expect(HttpStatusCode.Forbidden, await app.SendAsync(a, HttpMethod.Post, $"{S}/participants/DE01-0001/devices", new { serial = "RB-78", kind = "radio" }));
        Assert.Equal(["RB-77", "WB-1234"], Expect(HttpStatusCode.OK, await app.SendAsync(a, HttpMethod.Get, "/api/me/devices")).EnumerateArray()
            .Select(d => d.GetProperty("serial").GetString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Participants_see_only_their_own_casebook_and_staff_only_their_sites(string engine)
    {
        await using var app = await App.StartAsync(engine);
        var a = await app.JoinAsync(await app.ScreenAsync());
        var b = await app.JoinAsync(await app.ScreenAsync(), "270394");

        // B enters a diary, signs consent and pairs a device.
        app.At("2026-03-28T19:00:00Z");
        Expect(HttpStatusCode.Created, await app.EnterAsync(b, "itch", "2026-03-28", "b-entry-0328", "2026-03-28T19:00:00Z", Itch(9)));
        Expect(HttpStatusCode.Created, await app.SendAsync(b, HttpMethod.Post, "/api/me/consent",
            new { answers = new Dictionary<string, string> { ["voluntary"] = "Yes", ["placebo"] = "No, half receive placebo" }, typedName = "Bea Braun", pin = "270394" }));
        var device = Expect(HttpStatusCode.Created, await app.SendAsync(b, HttpMethod.Post, "/api/me/devices", new { serial = "SP-0042", kind = "sweatPatch" }));

        // A's casebook only: B's is answered as if it did not exist.
        Expect(HttpStatusCode.OK, await app.SendAsync(a, HttpMethod.Get, $"{S}/participants/DE01-0001"));
        foreach (var path in new[] { "", "/diary-entries", "/devices", "/econsents" })
        {
            var missing = Expect(HttpStatusCode.NotFound, await app.SendAsync(a, HttpMethod.Get, $"{S}/participants/DE01-0002{path}"));
            Assert.Equal("urn:dermis:problem:not-found", App.Type(missing));
        }

        // Every /api/me route shows A's own data only.
        var today = Expect(HttpStatusCode.OK, await app.SendAsync(a, HttpMethod.Get, "/api/me/today"));
        Assert.Equal("DE01-0001", today.GetProperty("participant").GetString());
        Assert.True(today.GetProperty("consentNeeded").GetBoolean());
        Assert.Equal(["itch 2026-03-28 open"], Tasks(today)); // tomorrow's window is not announced while tonight's is open
        Assert.Empty(Expect(HttpStatusCode.OK, await app.SendAsync(a, HttpMethod.Get, "/api/me/entries")).GetProperty("entries").EnumerateArray());
        var consent = Expect(HttpStatusCode.OK, await app.SendAsync(a, HttpMethod.Get, "/api/me/consent"));
        Assert.True(consent.GetProperty("needed").GetBoolean());
        Assert.Empty(consent.GetProperty("signed").EnumerateArray());
        Assert.Empty(Expect(HttpStatusCode.OK, await app.SendAsync(a, HttpMethod.Get, "/api/me/devices")).EnumerateArray());
        Expect(HttpStatusCode.NotFound, await app.SendAsync(a, HttpMethod.Delete, $"/api/me/devices/{device.GetProperty("id").GetInt64()}"));
        Assert.Equal(JsonValueKind.Null, Assert.Single(Expect(HttpStatusCode.OK, await app.SendAsync(b, HttpMethod.Get, "/api/me/devices")).EnumerateArray())
            .GetProperty("unpairedAt").ValueKind);
        // A's own entry for the same date is A's, not blocked by B's.
        Expect(HttpStatusCode.Created, await app.EnterAsync(a, "itch", "2026-03-28", "b-entry-0328", "2026-03-28T19:00:00Z", Itch(2)));
        Assert.Equal(9m, Assert.Single(Expect(HttpStatusCode.OK, await app.SendAsync(b, HttpMethod.Get, "/api/me/entries")).GetProperty("entries").EnumerateArray())
            .GetProperty("score").GetDecimal());

        // Staff have no /api/me; participants have no site routes.
        var forbidden = Expect(HttpStatusCode.Forbidden, await app.SendAsync("coord.de", HttpMethod.Get, "/api/me/today"));
        Assert.Equal("urn:dermis:problem:forbidden", App.Type(forbidden));
        Expect(HttpStatusCode.Forbidden, await app.SendAsync("admin", HttpMethod.Get, "/api/me/entries"));
        Expect(HttpStatusCode.Forbidden, await app.SendAsync(a, HttpMethod.Get, $"{S}/diary-compliance"));
        Expect(HttpStatusCode.Forbidden, await app.SendAsync(a, HttpMethod.Post, $"{S}/participants/DE01-0001/invitation", new { timeZone = "Europe/Berlin" }));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousGetAsync("/api/me/today")).Status);

        // The French site cannot reach German participants.
        Expect(HttpStatusCode.NotFound, await app.SendAsync("coord.fr", HttpMethod.Post, $"{S}/participants/DE01-0001/invitation", new { timeZone = "Europe/Paris" }));
        Expect(HttpStatusCode.NotFound, await app.SendAsync("coord.fr", HttpMethod.Get, $"{S}/participants/DE01-0002/diary-entries"));
        Expect(HttpStatusCode.NotFound, await app.SendAsync("coord.fr", HttpMethod.Get, $"{S}/participants/DE01-0002/econsents"));
        var french = Expect(HttpStatusCode.OK, await app.SendAsync("coord.fr", HttpMethod.Get, $"{S}/diary-compliance"));
        Assert.Empty(french.GetProperty("participants").EnumerateArray());
        Assert.Empty(french.GetProperty("sites").EnumerateArray());
        var german = Expect(HttpStatusCode.OK, await app.SendAsync("coord.de", HttpMethod.Get, $"{S}/diary-compliance"));
        Assert.Equal(["DE01-0001", "DE01-0002"], german.GetProperty("participants").EnumerateArray().Select(x => x.GetProperty("participant").GetString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_new_consent_document_in_an_amendment_asks_for_consent_again(string engine)
    {
        await using var app = await App.StartAsync(engine);
        var me = await app.JoinAsync(await app.ScreenAsync());
        Expect(HttpStatusCode.Created, await app.SendAsync(me, HttpMethod.Post, "/api/me/consent",
            new { answers = new Dictionary<string, string> { ["voluntary"] = "Yes", ["placebo"] = "No, half receive placebo" }, typedName = "Anna Adler", pin = Pin }));
        Assert.False(Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/today")).GetProperty("consentNeeded").GetBoolean());

        // Amendment 3.0 brings consent document 3.0 (one new paragraph, the same questions).
        var amendment = Protocol.Replace("version: \"2.0\"\n  sponsor", "version: \"3.0\"\n  sponsor", StringComparison.Ordinal)
            .Replace("documentVersion: \"2.0\"", "documentVersion: \"3.0\"", StringComparison.Ordinal)
            .Replace("- version: \"2.0\"", "- version: \"3.0\"", StringComparison.Ordinal)
            .Replace("(version 2.0)", "(version 3.0)", StringComparison.Ordinal)
            .Replace("decided by chance.\n", "decided by chance.\n\n        A blood sample is taken at baseline and week 16 for research on immune cells.\n", StringComparison.Ordinal);
        Assert.Contains("documentVersion: \"3.0\"", amendment, StringComparison.Ordinal);
        Expect(HttpStatusCode.OK, await app.SendAsync("admin", HttpMethod.Post, $"{S}/protocol", amendment));

        var today = Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/today"));
        Assert.True(today.GetProperty("consentNeeded").GetBoolean());
        Assert.Equal("3.0", today.GetProperty("consentVersion").GetString());
        var document = Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/consent"));
        Assert.Equal("3.0", document.GetProperty("version").GetString());
        Assert.Contains("research on immune cells", document.GetProperty("text").GetString(), StringComparison.Ordinal);
        // What was signed under 2.0 stays as it was, shown as an earlier version.
        var earlier = Assert.Single(document.GetProperty("signed").EnumerateArray());
        Assert.Equal(("2.0", false, true), (earlier.GetProperty("documentVersion").GetString(), earlier.GetProperty("current").GetBoolean(), earlier.GetProperty("hashVerified").GetBoolean()));
        Assert.DoesNotContain("immune cells", earlier.GetProperty("text").GetString(), StringComparison.Ordinal);

        Expect(HttpStatusCode.Created, await app.SendAsync(me, HttpMethod.Post, "/api/me/consent",
            new { answers = new Dictionary<string, string> { ["voluntary"] = "Yes", ["placebo"] = "No, half receive placebo" }, typedName = "Anna Adler", pin = Pin }));
        Assert.Equal(["2.0", "3.0"], Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/consent")).GetProperty("signed").EnumerateArray()
            .Select(c => c.GetProperty("documentVersion").GetString()));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Impossible_diary_dates_device_times_and_bodies_are_refused_with_a_reason_and_store_nothing(string engine)
    {
        await using var app = await App.StartAsync(engine);
        var me = await app.JoinAsync(await app.ScreenAsync());
        app.At("2026-03-28T19:00:00Z"); // 20:00 CET: the window of 28 March is open

        // A date after tomorrow cannot be open yet, up to the last date there is (its window is never computed).
        foreach (var date in new[] { "2026-04-05", "9999-12-31" })
        {
            var notYet = Expect(HttpStatusCode.UnprocessableEntity, await app.EnterAsync(me, "itch", date, $"far-{date}", "2026-03-28T19:00:00Z", Itch(3)));
            Assert.Equal("urn:dermis:problem:not-open-yet", App.Type(notYet));
            Assert.Equal($"The Evening itch for {date} is not open yet: it opens on that day, and today is 2026-03-28 in your time zone (Europe/Berlin). Please come back when the diary opens.",
                App.Detail(notYet));
        }

        var notDue = Expect(HttpStatusCode.UnprocessableEntity, await app.EnterAsync(me, "itch", "0001-01-01", "first-day", "2026-03-28T19:00:00Z", Itch(3)));
        Assert.Equal("No Evening itch is due on 0001-01-01. Due dates around today: 2026-03-28, 2026-03-29, 2026-03-30.", App.Detail(notDue));

        // A phone set to the last second of year 9999 is told its clock is ahead; the time is written in UTC, as no local time exists for it.
        var ahead = Expect(HttpStatusCode.UnprocessableEntity, await app.EnterAsync(me, "itch", "2026-03-28", "clock-9999", "9999-12-31T23:59:59Z", Itch(3)));
        Assert.Equal("urn:dermis:problem:device-clock-ahead", App.Type(ahead));
        Assert.Equal("This entry for the diary of 2026-03-28 is dated 23:59 on 9999-12-31 (UTC+00:00) by your phone, but it reached us at 20:00 on 2026-03-28 (UTC+01:00). "
            + "Your phone's clock is more than 5 minutes ahead: set it to the correct time (automatic date and time) and enter the diary again.", App.Detail(ahead));

        var badDate = Expect(HttpStatusCode.BadRequest, await app.EnterAsync(me, "itch", "2026-3-28", "short-date", "2026-03-28T19:00:00Z", Itch(3)));
        Assert.Equal("must be a date yyyy-MM-dd; got '2026-3-28'", App.FieldError(badDate, "date"));
        foreach (var body in new[] { "{ \"clientEntryId\": ", "null", "[]" })
        {
            var (status, _) = await app.PostRawAsync(me, "/api/me/diaries/itch/2026-03-28", body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
        }

        Assert.Empty(Expect(HttpStatusCode.OK, await app.SendAsync(me, HttpMethod.Get, "/api/me/entries")).GetProperty("entries").EnumerateArray());

        // The diary page: window times for tonight's date only; a far date shows the form without times, a non-date is not found.
        var (tonight, page) = await app.GetTextAsync(me, "/p/diary/itch/2026-03-28");
        Assert.Equal(HttpStatusCode.OK, tonight);
        Assert.Contains("Open from Sat 28 Mar 18:00 until Sun 29 Mar 11:00 (Europe/Berlin).", page, StringComparison.Ordinal);
        (var far, page) = await app.GetTextAsync(me, "/p/diary/itch/9999-12-31");
        Assert.Equal(HttpStatusCode.OK, far);
        Assert.DoesNotContain("Open from", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetTextAsync(me, "/p/diary/itch/2026-02-30")).Status);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Countersigning_needs_an_open_casebook_and_dates_the_consent_on_the_participants_calendar(string engine)
    {
        await using var app = await App.StartAsync(engine);
        var p = await app.ScreenAsync();
        var me = await app.JoinAsync(p);

        // Signed at 23:30Z on 27 March: 00:30 on 28 March in Berlin.
        app.At("2026-03-27T23:30:00Z");
        var signed = Expect(HttpStatusCode.Created, await app.SendAsync(me, HttpMethod.Post, "/api/me/consent",
            new { answers = new Dictionary<string, string> { ["voluntary"] = "Yes", ["placebo"] = "No, half receive placebo" }, typedName = "Anna Adler", pin = Pin }));
        var countersign = $"{S}/participants/{p}/econsents/{signed.GetProperty("id").GetInt64()}/countersign";

        // A locked casebook takes no consent record, as for a paper consent; nothing is countersigned.
        Expect(HttpStatusCode.OK, await app.SendAsync("dm", HttpMethod.Post, $"{S}/locks", new { level = "participant", target = p, state = "locked" }));
        var locked = Expect(HttpStatusCode.Conflict, await app.SendAsync("inv.de", HttpMethod.Post, countersign, new { password = TestServerHost.Password }));
        Assert.Equal("urn:dermis:problem:locked", App.Type(locked));
        Assert.Equal(JsonValueKind.Null, Assert.Single(Expect(HttpStatusCode.OK, await app.SendAsync("coord.de", HttpMethod.Get, $"{S}/participants/{p}/econsents")).EnumerateArray())
            .GetProperty("countersignedAt").ValueKind);
        Assert.Empty(Expect(HttpStatusCode.OK, await app.SendAsync("coord.de", HttpMethod.Get, $"{S}/participants/{p}")).GetProperty("consent").GetProperty("signed").EnumerateArray());

        Expect(HttpStatusCode.OK, await app.SendAsync("dm", HttpMethod.Post, $"{S}/locks", new { level = "participant", target = p, state = "open" }));
        Expect(HttpStatusCode.OK, await app.SendAsync("inv.de", HttpMethod.Post, countersign, new { password = TestServerHost.Password }));
        var consent = Assert.Single(Expect(HttpStatusCode.OK, await app.SendAsync("coord.de", HttpMethod.Get, $"{S}/participants/{p}")).GetProperty("consent").GetProperty("signed").EnumerateArray());
        Assert.Equal("2026-03-28", consent.GetProperty("signedOn").GetString());
    }

    /// <summary>The participant app's own routes; a new one without a place here fails the walk below.</summary>
    private static readonly string[] ParticipantRoutes =
    [
        "GET /api/me/consent", "GET /api/me/devices", "GET /api/me/entries", "GET /api/me/today", "GET /p", "GET /p/consent", "GET /p/devices",
        "GET /p/diary/{DiaryId}/{Date}", "GET /p/history",
    ];

    /// <summary>What participant B's casebook holds that participant A must never see.</summary>
    private static readonly string[] BsData = ["DE01-0002", "Bea Braun", "SP-0042", "derm-t-201-de01-0002"];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Every_GET_route_and_page_walked_by_one_participant_shows_nothing_of_another(string engine)
    {
        await using var app = await App.StartAsync(engine);
        var a = await app.JoinAsync(await app.ScreenAsync());
        var b = await app.JoinAsync(await app.ScreenAsync(), "270394");
        app.At("2026-03-28T19:00:00Z");
        Expect(HttpStatusCode.Created, await app.EnterAsync(b, "itch", "2026-03-28", "b-entry-0328", "2026-03-28T19:00:00Z", Itch(9)));
        Expect(HttpStatusCode.Created, await app.SendAsync(b, HttpMethod.Post, "/api/me/consent",
            new { answers = new Dictionary<string, string> { ["voluntary"] = "Yes", ["placebo"] = "No, half receive placebo" }, typedName = "Bea Braun", pin = "270394" }));
        Expect(HttpStatusCode.Created, await app.SendAsync(b, HttpMethod.Post, "/api/me/devices", new { serial = "SP-0042", kind = "sweatPatch" }));

        var routes = app.Trial.Host.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => "GET " + e.RoutePattern.RawText!.TrimEnd('/'))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ParticipantRoutes, routes.Where(r => r.StartsWith("GET /api/me", StringComparison.Ordinal) || r == "GET /p" || r.StartsWith("GET /p/", StringComparison.Ordinal))
            .Where(r => r != "GET /p/join/{Token}"));

        // Every GET route of the application, staff routes included, filled with B's casebook where it takes one.
        foreach (var route in routes.Where(r => r is not ("GET /openapi/{documentName}.json" or "GET /web/{file}" or "GET /_framework/opaque-redirect")))
        {
            var path = route[4..].Replace("{studyId}", "DERM-T-201", StringComparison.Ordinal).Replace("{StudyId}", "DERM-T-201", StringComparison.Ordinal)
                .Replace("{participant}", "DE01-0002", StringComparison.Ordinal).Replace("{ScreeningNumber}", "DE01-0002", StringComparison.Ordinal)
                .Replace("{DiaryId}", "itch", StringComparison.Ordinal).Replace("{Date}", "2026-03-28", StringComparison.Ordinal)
                .Replace("{siteId}", "DE01", StringComparison.Ordinal).Replace("{Token}", "x", StringComparison.Ordinal);
            var (status, text) = await app.GetTextAsync(a, path.Length == 0 ? "/" : path);
            Assert.True((int)status < 500, $"{route}: {(int)status}");
            // A refusal may repeat the number asked for ("Participant 'DE01-0002' was not found"); nothing else of B's.
            var refused = status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden;
            foreach (var secret in BsData.Where(x => !refused || x != "DE01-0002"))
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{route} showed participant A '{secret}' of participant B");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Diary_compliance_counts_closed_windows_and_lists_non_compliant_participants_first(string engine)
    {
        await using var app = await App.StartAsync(engine);
        var a = await app.JoinAsync(await app.ScreenAsync());
        var b = await app.JoinAsync(await app.ScreenAsync(), "270394");
        var c = await app.JoinAsync(await app.ScreenAsync("FR01", "coord.fr"), "615283", "Europe/Paris", "coord.fr");
        await app.ScreenAsync(); // DE01-0003: never invited, so no diary is expected of them

        // A enters every evening (21:00 CEST, 20:00 CET on the first); B only the first two; C (Paris) never.
        for (var day = new DateOnly(2026, 3, 28); day <= new DateOnly(2026, 4, 2); day = day.AddDays(1))
        {
            var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            app.At($"{date}T19:00:00Z");
            Expect(HttpStatusCode.Created, await app.EnterAsync(a, "itch", date, $"a-{date}", $"{date}T19:00:00Z", Itch(6)));
            if (day <= new DateOnly(2026, 3, 29))
            {
                Expect(HttpStatusCode.Created, await app.EnterAsync(b, "itch", date, $"b-{date}", $"{date}T19:00:00Z", Itch(8)));
            }
        }

        // Friday 19:00 CEST: the windows of 28 March to 2 April have closed (6 each); tonight's is open and not counted, even with an entry.
        app.At("2026-04-03T17:00:00Z");
        Expect(HttpStatusCode.Created, await app.EnterAsync(a, "itch", "2026-04-03", "a-2026-04-03", "2026-04-03T17:00:00Z", Itch(5)));

        var german = Expect(HttpStatusCode.OK, await app.SendAsync("coord.de", HttpMethod.Get, $"{S}/diary-compliance"));
        Assert.Equal(0.8m, german.GetProperty("threshold").GetDecimal());
        var rows = german.GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal(["DE01-0002", "DE01-0001"], rows.Select(r => r.GetProperty("participant").GetString()));
        var (second, first) = (rows[0], rows[1]);
        Assert.Equal("DE01 screened 6 2 4 4 True 2026-03-29", Summary(second));
        Assert.Equal(2m / 6m, second.GetProperty("rate").GetDecimal());
        Assert.Equal("DE01 screened 6 6 0 0 False 2026-04-03", Summary(first));
        Assert.Equal(1m, first.GetProperty("rate").GetDecimal());
        var itch = first.GetProperty("byDiary").GetProperty("itch");
        Assert.Equal((6, 6, "2026-04-03"), (itch.GetProperty("expected").GetInt32(), itch.GetProperty("completed").GetInt32(), itch.GetProperty("lastEntry").GetString()));
        var poem = first.GetProperty("byDiary").GetProperty("poem");
        Assert.Equal(0, poem.GetProperty("expected").GetInt32()); // no baseline visit: the POEM is not due yet
        Assert.Equal(JsonValueKind.Null, poem.GetProperty("rate").ValueKind);
        var site = Assert.Single(german.GetProperty("sites").EnumerateArray());
        Assert.Equal("DE01 2 1 12 8", $"{site.GetProperty("site").GetString()} {site.GetProperty("participants").GetInt32()} {site.GetProperty("nonCompliant").GetInt32()} "
            + $"{site.GetProperty("expected").GetInt32()} {site.GetProperty("completed").GetInt32()}");
        Assert.Equal(8m / 12m, site.GetProperty("rate").GetDecimal());

        // The French site sees its own participant only; the data manager sees every site, the lowest rate first.
        var french = Expect(HttpStatusCode.OK, await app.SendAsync("coord.fr", HttpMethod.Get, $"{S}/diary-compliance"));
        var only = Assert.Single(french.GetProperty("participants").EnumerateArray());
        Assert.Equal("FR01 screened 6 0 6 6 True ", Summary(only));
        Assert.Equal(0m, only.GetProperty("rate").GetDecimal());
        var all = Expect(HttpStatusCode.OK, await app.SendAsync("dm", HttpMethod.Get, $"{S}/diary-compliance"));
        Assert.Equal(["FR01-0001", "DE01-0002", "DE01-0001"], all.GetProperty("participants").EnumerateArray().Select(r => r.GetProperty("participant").GetString()));
        Assert.Equal(["DE01", "FR01"], all.GetProperty("sites").EnumerateArray().Select(r => r.GetProperty("site").GetString()));
        Assert.Equal("derm-t-201-fr01-0001", c);

        // B withdraws on Saturday 4 April: their diaries end that day, so ten days later B has the 8 windows
        // of 28 March – 4 April (2 entered), not 17, and is no longer flagged.
        app.At("2026-04-04T08:00:00Z");
        Expect(HttpStatusCode.OK, await app.SendAsync("coord.de", HttpMethod.Post, $"{S}/participants/DE01-0002/status", new { action = "withdraw", reason = "moved abroad" }));
        app.At("2026-04-14T08:00:00Z");
        var later = Expect(HttpStatusCode.OK, await app.SendAsync("coord.de", HttpMethod.Get, $"{S}/diary-compliance"));
        var withdrawn = later.GetProperty("participants").EnumerateArray().Single(r => r.GetProperty("participant").GetString() == "DE01-0002");
        Assert.Equal("DE01 withdrawn 8 2 6 6 False 2026-03-29", Summary(withdrawn));

        static string Summary(JsonElement row) =>
            $"{row.GetProperty("site").GetString()} {row.GetProperty("status").GetString()} {row.GetProperty("expected").GetInt32()} {row.GetProperty("completed").GetInt32()} "
            + $"{row.GetProperty("missed").GetInt32()} {row.GetProperty("consecutiveMissed").GetInt32()} {row.GetProperty("nonCompliant").GetBoolean()} {row.GetProperty("lastEntry").GetString()}";
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Five_wrong_PINs_lock_the_account_for_15_minutes(string engine)
    {
        await using var app = await App.StartAsync(engine);
        var me = await app.JoinAsync(await app.ScreenAsync());
        const string wrong = "The user name or password is wrong.";
        const string locked = "Too many failed sign-ins: the account is locked until 12:15 UTC (5 wrong attempts lock it for 15 minutes).";

        var answers = new List<string?>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var (status, body) = await app.AnonymousAsync("/api/auth/token", new { username = me, password = $"91827{attempt}" });
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            answers.Add(App.Detail(body));
        }

        Assert.Equal([wrong, wrong, wrong, wrong, locked, locked], answers);
        Assert.Contains("locked until", answers[4], StringComparison.Ordinal);

        // The right PIN is refused while locked, also 14 minutes later.
        var (refused, refusal) = await app.AnonymousAsync("/api/auth/token", new { username = me, password = Pin });
        Assert.Equal(HttpStatusCode.Unauthorized, refused);
        Assert.Equal(locked, App.Detail(refusal));
        app.At("2026-03-27T12:14:00Z");
        Assert.Equal(locked, App.Detail(Expect(HttpStatusCode.Unauthorized, await app.AnonymousAsync("/api/auth/token", new { username = me, password = Pin }))));

        // After the lock the count starts again: one more slip is just "wrong", and the right PIN works.
        app.At("2026-03-27T12:16:00Z");
        Assert.Equal(wrong, App.Detail(Expect(HttpStatusCode.Unauthorized, await app.AnonymousAsync("/api/auth/token", new { username = me, password = "918270" }))));
        var token = Expect(HttpStatusCode.OK, await app.AnonymousAsync("/api/auth/token", new { username = me, password = Pin }));
        Assert.Equal(me, token.GetProperty("username").GetString());

        // An unknown user name gets the same answer as a wrong PIN, and is never "locked".
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            Assert.Equal(wrong, App.Detail(Expect(HttpStatusCode.Unauthorized, await app.AnonymousAsync("/api/auth/token", new { username = "derm-t-201-de01-9999", password = Pin }))));
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Invitations_check_time_zone_PIN_strength_single_use_and_expiry(string engine)
    {
        await using var app = await App.StartAsync(engine);
        var p = await app.ScreenAsync();
        var invite = $"{S}/participants/{p}/invitation";

        var refused = Expect(HttpStatusCode.BadRequest, await app.SendAsync("coord.de", HttpMethod.Post, invite, new { timeZone = "Mars/Olympus_Mons" }));
        Assert.Equal("is required: the participant's IANA time zone, e.g. Europe/Paris or America/New_York; got 'Mars/Olympus_Mons'", App.FieldError(refused, "timeZone"));
        Assert.Equal("is required: the participant's IANA time zone, e.g. Europe/Paris or America/New_York; got ''",
            App.FieldError(Expect(HttpStatusCode.BadRequest, await app.SendAsync("coord.de", HttpMethod.Post, invite, new { })), "timeZone"));

        // A new invitation replaces the previous link.
        var first = App.TokenOf(Expect(HttpStatusCode.Created, await app.SendAsync("coord.de", HttpMethod.Post, invite, new { timeZone = "Europe/Berlin" })).GetProperty("link").GetString()!);
        var second = App.TokenOf(Expect(HttpStatusCode.Created, await app.SendAsync("coord.de", HttpMethod.Post, invite, new { timeZone = "Europe/Berlin" })).GetProperty("link").GetString()!);
        Assert.NotEqual(first, second);
        Assert.Equal("urn:dermis:problem:invitation-expired",
            App.Type(Expect(HttpStatusCode.Conflict, await app.AnonymousAsync("/api/participant-app/activate", new { token = first, pin = Pin }))));

        // Weak PINs are refused before the link is used.
        foreach (var weak in new[] { "111111", "123456", "654321", "48291", "48291a" })
        {
            refused = Expect(HttpStatusCode.BadRequest, await app.AnonymousAsync("/api/participant-app/activate", new { token = second, pin = weak }));
            Assert.Equal("is required: 6 digits that are not all the same or in a row (like 123456), or a password of at least 12 characters", App.FieldError(refused, "pin"));
        }

        Assert.Equal("urn:dermis:problem:not-found", App.Type(Expect(HttpStatusCode.NotFound, await app.AnonymousAsync("/api/participant-app/activate", new { token = "no-such-invitation", pin = Pin }))));
        Expect(HttpStatusCode.Created, await app.AnonymousAsync("/api/participant-app/activate", new { token = second, pin = Pin }));

        // Single use; and an activated participant gets no new invitation.
        var used = Expect(HttpStatusCode.Conflict, await app.AnonymousAsync("/api/participant-app/activate", new { token = second, pin = "593017" }));
        Assert.Equal("urn:dermis:problem:invitation-used", App.Type(used));
        Assert.Equal("This invitation link was already used. Sign in with your user name and PIN.", App.Detail(used));
        Assert.Equal("urn:dermis:problem:already-activated", App.Type(Expect(HttpStatusCode.Conflict, await app.SendAsync("coord.de", HttpMethod.Post, invite, new { timeZone = "Europe/Berlin" }))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousAsync("/api/auth/token", new { username = "derm-t-201-de01-0001", password = "593017" })).Status);

        // A link is valid for 7 days.
        var late = await app.ScreenAsync();
        var link = App.TokenOf(Expect(HttpStatusCode.Created, await app.SendAsync("coord.de", HttpMethod.Post, $"{S}/participants/{late}/invitation", new { timeZone = "America/New_York" }))
            .GetProperty("link").GetString()!);
        app.At("2026-04-04T12:00:00Z");
        var expired = Expect(HttpStatusCode.Conflict, await app.AnonymousAsync("/api/participant-app/activate", new { token = link, pin = Pin }));
        Assert.Equal("urn:dermis:problem:invitation-expired", App.Type(expired));
        Assert.Equal("This invitation link has expired. Ask your study team for a new one.", App.Detail(expired));
    }


    /// <summary>SHA-256 of the canonical snapshot the server signs (ElectronicConsent.Snapshot), rebuilt from the consent view.</summary>
    private static string SnapshotHash(string study, string participant, string protocolVersion, JsonElement view, string account)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("study", study);
            json.WriteString("participant", participant);
            json.WriteString("protocolVersion", protocolVersion);
            json.WriteString("documentVersion", view.GetProperty("documentVersion").GetString());
            json.WriteString("title", view.GetProperty("title").GetString());
            json.WriteString("text", view.GetProperty("text").GetString());
            json.WriteStartObject("answers");
            foreach (var answer in view.GetProperty("answers").EnumerateObject())
            {
                json.WriteString(answer.Name, answer.Value.GetString());
            }

            json.WriteEndObject();
            json.WriteString("typedName", view.GetProperty("signedName").GetString());
            json.WriteString("signedAt", view.GetProperty("signedAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
            json.WriteString("account", account);
            json.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>The tasks of a today view as "diary date state", in the order shown.</summary>
    private static List<string> Tasks(JsonElement today) =>
        today.GetProperty("tasks").EnumerateArray().Select(t => $"{t.GetProperty("diary").GetString()} {t.GetProperty("date").GetString()} {t.GetProperty("state").GetString()}").ToList();

    private static JsonElement Expect(HttpStatusCode expected, (HttpStatusCode Status, JsonElement Body) response)
    {
        Assert.True(response.Status == expected, $"expected {(int)expected}, got {(int)response.Status}: {(response.Body.ValueKind == JsonValueKind.Undefined ? "" : response.Body.GetRawText())}");
        return response.Body;
    }

    /// <summary>The study on a manual clock, amended to protocol 2.0 with e-consent and diaries; clients sign in again when the clock has moved past their token's 12 hours.</summary>
    private sealed class App : IAsyncDisposable
    {
        private readonly Dictionary<string, (HttpClient Client, DateTimeOffset Until)> _clients = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);

        private App(TrialFixture trial, ManualClock clock)
        {
            Trial = trial;
            Clock = clock;
        }

        public TrialFixture Trial { get; }

        public ManualClock Clock { get; }

        public static async Task<App> StartAsync(string engine)
        {
            var clock = new ManualClock(Start);
            var app = new App(await TrialFixture.StartAsync(engine, clock), clock);
            try
            {
                Assert.Contains("\ndiaries:\n", Protocol, StringComparison.Ordinal);
                Assert.Contains("\n  documents:\n", Protocol, StringComparison.Ordinal);
                var amended = Expect(HttpStatusCode.OK, await app.SendAsync("admin", HttpMethod.Post, $"{S}/protocol", Protocol));
                Assert.Equal(JsonValueKind.Object, amended.ValueKind);
                return app;
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }

        /// <summary>Sets the clock to an ISO 8601 instant.</summary>
        public void At(string instant) => Clock.Now = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        /// <summary>Registers a participant account, which signs in with its PIN.</summary>
        public string Participant(string username, string pin)
        {
            _secrets[username] = pin;
            return username;
        }

        public static string TokenOf(string link) => link["/p/join/".Length..];

        public static string? Type(JsonElement problem) => problem.GetProperty("type").GetString();

        public static string? Detail(JsonElement problem) => problem.GetProperty("detail").GetString();

        public static string? FieldError(JsonElement problem, string field) =>
            problem.GetProperty("errors").TryGetProperty(field, out var messages) ? messages[0].GetString() : null;

        public async Task<string> ScreenAsync(string site = "DE01", string coordinator = "coord.de")
        {
            var screened = Expect(HttpStatusCode.Created, await SendAsync(coordinator, HttpMethod.Post, $"{S}/sites/{site}/participants", new { }));
            return screened.GetProperty("screeningNumber").GetString()!;
        }

        /// <summary>Invites and activates a participant; returns their user name.</summary>
        public async Task<string> JoinAsync(string participant, string pin = Pin, string timeZone = "Europe/Berlin", string coordinator = "coord.de")
        {
            var invitation = Expect(HttpStatusCode.Created, await SendAsync(coordinator, HttpMethod.Post, $"{S}/participants/{participant}/invitation", new { timeZone }));
            var activated = Expect(HttpStatusCode.Created, await AnonymousAsync("/api/participant-app/activate", new { token = TokenOf(invitation.GetProperty("link").GetString()!), pin }));
            return Participant(activated.GetProperty("username").GetString()!, pin);
        }

        public Task<(HttpStatusCode Status, JsonElement Body)> EnterAsync(string user, string diary, string date, string clientEntryId, string deviceTime, object answers) =>
            SendAsync(user, HttpMethod.Post, $"/api/me/diaries/{diary}/{date}", new { clientEntryId, deviceTime, answers });

        /// <summary>Sends a request as <paramref name="user"/> (a string body goes as YAML, anything else as JSON).</summary>
        public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(string user, HttpMethod method, string path, object? body = null)
        {
            var client = await ClientAsync(user);
            using var message = new HttpRequestMessage(method, path);
            message.Content = body switch
            {
                null => null,
                string yaml => new StringContent(yaml, Encoding.UTF8, "application/yaml"),
                _ => JsonContent.Create(body),
            };
            using var response = await client.SendAsync(message);
            return await ReadAsync(response);
        }

        /// <summary>POSTs <paramref name="json"/> as it is (it need not parse) as <paramref name="user"/>; status and body text.</summary>
        public async Task<(HttpStatusCode Status, string Text)> PostRawAsync(string user, string path, string json)
        {
            var client = await ClientAsync(user);
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        /// <summary>GETs a route or page as <paramref name="user"/>; status and body text.</summary>
        public async Task<(HttpStatusCode Status, string Text)> GetTextAsync(string user, string path)
        {
            var client = await ClientAsync(user);
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        /// <summary>POSTs JSON without signing in.</summary>
        public async Task<(HttpStatusCode Status, JsonElement Body)> AnonymousAsync(string path, object body)
        {
            using var client = Trial.Host.App.GetTestClient();
            using var response = await client.PostAsJsonAsync(path, body);
            return await ReadAsync(response);
        }

        public async Task<(HttpStatusCode Status, JsonElement Body)> AnonymousGetAsync(string path)
        {
            using var client = Trial.Host.App.GetTestClient();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            return await ReadAsync(response);
        }

        private async Task<HttpClient> ClientAsync(string user)
        {
            if (_clients.TryGetValue(user, out var cached) && Clock.GetUtcNow() < cached.Until)
            {
                return cached.Client;
            }

            var secret = _secrets.GetValueOrDefault(user, TestServerHost.Password);
            var signedIn = Expect(HttpStatusCode.OK, await AnonymousAsync("/api/auth/token", new { username = user, password = secret }));
            var client = Trial.Host.App.GetTestClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signedIn.GetProperty("token").GetString());
            cached.Client?.Dispose();
            _clients[user] = (client, Clock.GetUtcNow().AddHours(11));
            return client;
        }

        private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var (client, _) in _clients.Values)
            {
                client.Dispose();
            }

            await Trial.DisposeAsync();
        }
    }
}
