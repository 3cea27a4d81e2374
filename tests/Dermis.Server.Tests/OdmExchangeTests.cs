using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Dermis.Server.Web.Forms;
using Dermis.Testing;
using Dermis.Trials.Exchange.Odm;
using Dermis.Trials.Protocol;

namespace Dermis.Server.Tests;

/// <summary>ODM 1.3.2 export (snapshot and transactional) and import, through the API.</summary>
public sealed class OdmExchangeTests
{
    private static readonly XNamespace Odm = "http://www.cdisc.org/ns/odm/v1.3";
    private static readonly XNamespace Dermis = "urn:dermis:odm:1";

    public static TheoryData<string> Engines => TestDatabase.Engines;

    private static object Region(decimal signs, int area) => new { erythema = signs, induration = signs, excoriation = 1, lichenification = 0, area };

    private static object Easi(decimal signs, int headArea) =>
        new { ageYears = 41, regions = new { head = Region(signs, headArea), upperLimbs = Region(signs, 3), trunk = Region(1.5m, 2), lowerLimbs = Region(signs, 4) } };

    /// <summary>Two participants with baseline, week-4 (corrected once, with a reason) and unscheduled data.</summary>
    private static async Task<TrialFixture> StudyWithDataAsync(string engine)
    {
        var trial = await TrialFixture.StartAsync(engine);
        var s = $"/api/studies/{trial.Study}";
        foreach (var (offset, signs) in new[] { (0, 2m), (1, 2.5m) })
        {
            var p = await trial.EnrolAsync();
            var (_, baseline) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "baseline", date = $"2026-09-0{1 + offset}" });
            var b = baseline.GetProperty("id").GetInt64();
            await Ok(trial.PutAsync("coord.de", $"{s}/participants/{p}/visits/{b}/forms/easi", new { data = Easi(signs, 2) }));
            await Ok(trial.PutAsync("coord.de", $"{s}/participants/{p}/visits/{b}/forms/viga", new { data = new { grade = 3 } }));
            await Ok(trial.PutAsync("coord.de", $"{s}/participants/{p}/visits/{b}/forms/vitals", new { data = new { weight = 71.5, systolic = 121 } }));
            var (_, week4) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "week4", date = $"2026-09-2{9 - offset}" });
            var w = week4.GetProperty("id").GetInt64();
            var form = $"{s}/participants/{p}/visits/{w}/forms/easi";
            await Ok(trial.PutAsync("coord.de", form, new { data = Easi(1, 1) }));
            await Ok(trial.PostAsync("coord.de", $"{form}/actions", new { action = "complete", rowVersion = 1 }));
            await Ok(trial.PutAsync("coord.de", form, new { data = Easi(1, 2), rowVersion = 2, reason = "transcription error: head area 10–29 %" }));
            var (_, extra) = await trial.PostAsync("coord.de", $"{s}/participants/{p}/visits", new { visit = "unscheduled", date = $"2026-10-0{5 + offset}" });
            await Ok(trial.PutAsync("coord.de", $"{s}/participants/{p}/visits/{extra.GetProperty("id").GetInt64()}/forms/easi", new { data = Easi(1.5m, 1) }));
        }

        return trial;
    }

    private static async Task Ok(Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> call)
    {
        var (status, body) = await call;
        Assert.True(status == HttpStatusCode.OK || status == HttpStatusCode.Created, $"{(int)status} {body}");
    }

    private static async Task<XDocument> ExportAsync(TrialFixture trial, string user, string type = "snapshot")
    {
        var client = await trial.ClientAsync(user);
        using var response = await client.GetAsync(new Uri($"/api/studies/{trial.Study}/export/odm?type={type}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The clinical data as comparable text: subjects, site, status, visits with dates, forms, and every item value.</summary>
    private static List<string> Clinical(XDocument odm) =>
        odm.Root!.Element(Odm + "ClinicalData")!.Elements(Odm + "SubjectData").SelectMany(subject =>
            new[] { $"{subject.Attribute("SubjectKey")!.Value} at {subject.Element(Odm + "SiteRef")!.Attribute("LocationOID")!.Value} {subject.Attribute(Dermis + "Status")?.Value}" }
            .Concat(subject.Elements(Odm + "StudyEventData").SelectMany(ev =>
                new[] { $"  {ev.Attribute("StudyEventOID")!.Value}#{ev.Attribute("StudyEventRepeatKey")?.Value} {ev.Attribute(Dermis + "VisitDate")!.Value}" }
                .Concat(ev.Elements(Odm + "FormData").SelectMany(form =>
                    new[] { $"    {form.Attribute("FormOID")!.Value}" }
                    .Concat(form.Descendants(Odm + "ItemData").Select(i => $"      {i.Attribute("ItemOID")!.Value}={i.Attribute("Value")?.Value ?? "(null)"}")))))))
        .ToList();

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Export_import_into_a_fresh_study_and_export_again_gives_identical_clinical_data(string engine)
    {
        await using var source = await StudyWithDataAsync(engine);
        var first = await ExportAsync(source, "dm");
        var clinical = Clinical(first);
        // Spot checks of the file itself: the corrected week-4 head area, the unscheduled repeat key, a decimal sign score.
        Assert.Contains("  SE.WEEK4# 2026-09-29", clinical);
        Assert.Contains("  SE.UNSCHEDULED#1 2026-10-05", clinical);
        Assert.Contains("      IT.EASI.REGIONS.HEAD.AREA=2", clinical);
        Assert.Contains("      IT.EASI.REGIONS.HEAD.ERYTHEMA=2.5", clinical);
        Assert.Contains("      IT.VITALS.WEIGHT=71.5", clinical);

        await using var fresh = await TrialFixture.StartAsync(engine);
        var client = await fresh.ClientAsync("coord.de");
        using (var content = new StringContent(first.ToString(), Encoding.UTF8, "application/xml"))
        using (var response = await client.PostAsync(new Uri($"/api/studies/{fresh.Study}/import/odm", UriKind.Relative), content))
        {
            var report = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, report);
            // 2 participants with 3 visits and 5 forms each (baseline EASI, vIGA-AD, vitals; week 4 EASI; unscheduled EASI).
            Assert.Contains("\"participants\":2,\"visits\":6,\"forms\":10", report, StringComparison.Ordinal);
        }

        var second = await ExportAsync(fresh, "dm");
        Assert.Equal(clinical, Clinical(second));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_file_with_one_bad_value_is_refused_whole_and_names_its_line(string engine)
    {
        await using var source = await StudyWithDataAsync(engine);
        var odm = await ExportAsync(source, "dm");
        var area = odm.Descendants(Odm + "ItemData").Last(i => i.Attribute("ItemOID")!.Value == "IT.EASI.REGIONS.TRUNK.AREA");
        area.SetAttributeValue("Value", "9");
        var text = odm.ToString();

        await using var fresh = await TrialFixture.StartAsync(engine);
        var client = await fresh.ClientAsync("coord.de");
        using var content = new StringContent(text, Encoding.UTF8, "application/xml");
        using var response = await client.PostAsync(new Uri($"/api/studies/{fresh.Study}/import/odm", UriKind.Relative), content);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nothing was imported", problem, StringComparison.Ordinal);
        // The refusal names the line of the form holding the value.
        var located = XDocument.Parse(text, LoadOptions.SetLineInfo).Descendants(Odm + "ItemData").Single(i => i.Attribute("Value")?.Value == "9" && i.Attribute("ItemOID")!.Value == "IT.EASI.REGIONS.TRUNK.AREA");
        var line = ((System.Xml.IXmlLineInfo)located.Ancestors(Odm + "FormData").First()).LineNumber;
        Assert.Contains($"line {line.ToString(System.Globalization.CultureInfo.InvariantCulture)}", problem, StringComparison.Ordinal);
        Assert.Contains("regions.trunk.area", problem, StringComparison.Ordinal);
        // Nothing of the file's first, valid participant was stored.
        var (_, participants) = await fresh.GetAsync("dm", $"/api/studies/{fresh.Study}/participants");
        Assert.Equal(0, participants.GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Files_follow_the_ODM_structure_rules_and_the_transactional_file_holds_the_correction(string engine)
    {
        await using var source = await StudyWithDataAsync(engine);
        var snapshot = await ExportAsync(source, "dm");
        var transactional = await ExportAsync(source, "mon", "transactional");

        foreach (var (odm, type) in new[] { (snapshot, "Snapshot"), (transactional, "Transactional") })
        {
            var root = odm.Root!;
            Assert.Equal(Odm + "ODM", root.Name);
            Assert.Equal(("1.3.2", type), (root.Attribute("ODMVersion")?.Value, root.Attribute("FileType")?.Value));
            Assert.Equal(["Study", "AdminData", "ClinicalData"], root.Elements().Select(e => e.Name.LocalName));
            var mdv = root.Element(Odm + "Study")!.Element(Odm + "MetaDataVersion")!;
            // MetaDataVersion children in schema order: Protocol, StudyEventDef*, FormDef*, ItemGroupDef*, ItemDef*, CodeList*.
            var order = new[] { "Protocol", "StudyEventDef", "FormDef", "ItemGroupDef", "ItemDef", "CodeList" };
            var names = mdv.Elements().Select(e => Array.IndexOf(order, e.Name.LocalName)).ToList();
            Assert.DoesNotContain(-1, names);
            Assert.Equal(names.Order(), names);
            // Every reference resolves to a definition.
            var defined = mdv.Elements().Select(e => e.Attribute("OID")?.Value).OfType<string>().ToHashSet();
            var admin = root.Element(Odm + "AdminData")!.Elements().Select(e => e.Attribute("OID")!.Value).ToHashSet();
            foreach (var (element, attribute, within) in new[] { ("StudyEventData", "StudyEventOID", defined), ("FormData", "FormOID", defined), ("ItemGroupData", "ItemGroupOID", defined),
                         ("ItemData", "ItemOID", defined), ("FormRef", "FormOID", defined), ("ItemRef", "ItemOID", defined), ("CodeListRef", "CodeListOID", defined),
                         ("UserRef", "UserOID", admin), ("LocationRef", "LocationOID", admin), ("SiteRef", "LocationOID", admin) })
            {
                Assert.All(odm.Descendants(Odm + element), e => Assert.Contains(e.Attribute(attribute)!.Value, within));
            }

            // SubjectData children in schema order: Signature?, SiteRef, StudyEventData*, then extensions.
            foreach (var subject in odm.Descendants(Odm + "SubjectData"))
            {
                var kids = subject.Elements().Where(e => e.Name.Namespace == Odm).Select(e => e.Name.LocalName).ToList();
                Assert.Equal("SiteRef", kids.SkipWhile(k => k == "Signature").First());
            }
        }

        // The visit window is the documented extension; ODM 1.3.2 has no element for it.
        var week4 = snapshot.Descendants(Odm + "StudyEventDef").Single(e => e.Attribute("OID")!.Value == "SE.WEEK4");
        Assert.Equal(("29", "3", "3"), (week4.Attribute(Dermis + "Day")!.Value, week4.Attribute(Dermis + "WindowBefore")!.Value, week4.Attribute(Dermis + "WindowAfter")!.Value));

        // The transactional file holds both versions of the corrected week-4 head area: 1, then 2 with the reason.
        var headArea = transactional.Descendants(Odm + "SubjectData").First().Descendants(Odm + "StudyEventData")
            .Single(e => e.Attribute("StudyEventOID")!.Value == "SE.WEEK4").Descendants(Odm + "ItemData")
            .Where(i => i.Attribute("ItemOID")!.Value == "IT.EASI.REGIONS.HEAD.AREA").ToList();
        Assert.Equal(["Insert 1 coord.de ", "Update 2 coord.de transcription error: head area 10–29 %"], headArea.Select(i =>
            $"{i.Attribute("TransactionType")!.Value} {i.Attribute("Value")!.Value} {i.Element(Odm + "AuditRecord")!.Element(Odm + "UserRef")!.Attribute("UserOID")!.Value[4..]} "
            + i.Element(Odm + "AuditRecord")!.Element(Odm + "ReasonForChange")?.Value));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Coordinators_and_other_sites_cannot_export_and_a_blinded_export_holds_no_arm(string engine)
    {
        await using var trial = await StudyWithDataAsync(engine);
        var coordinator = await trial.ClientAsync("coord.de");
        using var refused = await coordinator.GetAsync(new Uri($"/api/studies/{trial.Study}/export/odm", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await trial.StaffAsync("inv.fr", "Dr. Paul Martin", "investigator", "FR01");
        var french = await ExportAsync(trial, "inv.fr");
        Assert.Empty(french.Descendants(Odm + "SubjectData"));
        // Not the other site's staff either: no DE01 account, no role there.
        Assert.DoesNotContain("DE01", french.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("coord.de", french.ToString(), StringComparison.Ordinal);
        Assert.Contains(french.Descendants(Odm + "User"), u => u.Attribute("OID")!.Value == "USR.dm");
        var monitor = await ExportAsync(trial, "mon");
        Assert.Equal(2, monitor.Descendants(Odm + "SubjectData").Count());
        Assert.Empty(monitor.Descendants(Odm + "SubjectData").Attributes(Dermis + "Arm"));
    }

    private static string OdmFile(string clinicalData, string fileType = "Snapshot") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:dermis="urn:dermis:odm:1" FileType="{fileType}" ODMVersion="1.3.2" FileOID="F.1" CreationDateTime="2026-09-02T00:00:00Z">
        <ClinicalData StudyOID="ST.DERM-T-201" MetaDataVersionOID="MDV.1.0">
        {clinicalData}
        </ClinicalData>
        </ODM>
        """;

    private static string Subject(string key, string visits, string site = "DE01", string? status = "enrolled") =>
        $"""<SubjectData SubjectKey="{key}"{(status is null ? "" : $" dermis:Status=\"{status}\"")}><SiteRef LocationOID="LOC.{site}"/>{visits}</SubjectData>""";

    private static string Visit(string visit, string date, params string[] forms) =>
        $"""<StudyEventData StudyEventOID="SE.{visit}" dermis:VisitDate="{date}">{string.Concat(forms)}</StudyEventData>""";

    private static string Vitals(string items, string status = "inProgress") =>
        $"""<FormData FormOID="F.VITALS" dermis:Status="{status}"><ItemGroupData ItemGroupOID="IG.VITALS">{items}</ItemGroupData></FormData>""";

    private static string Weight(string value) => $"""<ItemData ItemOID="IT.VITALS.WEIGHT" Value="{value}"/>""";

    /// <summary>Posts a file as coord.de; returns the status and the problem's type, detail and field messages as one text (the body when it is not a problem).</summary>
    private static async Task<(HttpStatusCode Status, string Problem)> ImportAsync(TrialFixture trial, string file)
    {
        var client = await trial.ClientAsync("coord.de");
        using var content = new StringContent(file, Encoding.UTF8, "application/xml");
        using var response = await client.PostAsync(new Uri($"/api/studies/{trial.Study}/import/odm", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return (response.StatusCode, body);
        }

        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement;
        var fields = problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => $"{e.Name}: {m.GetString()}")) : [];
        return (response.StatusCode, string.Join("\n", [problem.GetProperty("type").GetString()!, problem.GetProperty("detail").GetString()!, .. fields]));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Import_refuses_each_kind_of_bad_file_with_a_400_naming_the_problem_and_stores_nothing(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);
        var good = Visit("SCREENING", "2026-08-20", Vitals(Weight("71.5")));
        var cases = new (string Name, string File, string Expected)[]
        {
            ("not well-formed", "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\"><ClinicalData>", "not well-formed XML"),
            ("a DTD", "<!DOCTYPE ODM [<!ENTITY a \"aaaa\">]><ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\"/>", "not well-formed XML"),
            ("wrong namespace", OdmFile("").Replace("http://www.cdisc.org/ns/odm/v1.3", "http://www.cdisc.org/ns/odm/v1.2", StringComparison.Ordinal), "must be ODM in namespace"),
            ("no SubjectKey", OdmFile(Subject("DE01-0001", good).Replace("SubjectKey=\"DE01-0001\"", "", StringComparison.Ordinal)), "SubjectData has no SubjectKey"),
            ("a transactional file", OdmFile(Subject("DE01-0001", good), "Transactional"), "import takes a Snapshot file"),
            ("no subjects", OdmFile(""), "holds no SubjectData"),
            ("an empty subject key", OdmFile(Subject("", good)), "SubjectKey '' is not a screening number"),
            ("a subject key a route cannot carry", OdmFile(Subject("DE01/0001", good)), "SubjectKey 'DE01/0001' is not a screening number"),
            ("a site that does not exist", OdmFile(Subject("XX99-0001", good, site: "XX99")), "SiteRef 'LOC.XX99' is not a site of DERM-T-201 you can see"),
            ("another site's participant", OdmFile(Subject("FR01-0001", good, site: "FR01")), "SiteRef 'LOC.FR01' is not a site of DERM-T-201 you can see"),
            ("a subject twice", OdmFile(Subject("DE01-0001", good) + Subject("DE01-0001", good)), "subject DE01-0001 appears twice in the file"),
            ("an unknown status", OdmFile(Subject("DE01-0001", good, status: "happy")), "dermis:Status 'happy' is not a participant status"),
            ("a randomised participant without an allocation", OdmFile(Subject("DE01-0001", good, status: "randomised")), "'randomised' cannot be imported"),
            ("a baseline visit of a screened participant", OdmFile(Subject("DE01-0001", Visit("BASELINE", "2026-09-01", Vitals(Weight("71.5"))), status: null)), "is screened: only screening visits"),
            ("a visit date in the future", OdmFile(Subject("DE01-0001", Visit("SCREENING", "2099-01-01", Vitals(Weight("71.5"))))), "dermis:VisitDate must be a date yyyy-MM-dd, not in the future"),
            ("a scheduled visit twice", OdmFile(Subject("DE01-0001", good + good)), "visit screening appears twice"),
            ("a form not in the visit", OdmFile(Subject("DE01-0001", Visit("SCREENING", "2026-08-20", """<FormData FormOID="F.EASI"><ItemGroupData ItemGroupOID="IG.EASI"/></FormData>"""))), "FormOID 'F.EASI' is not a form of this visit"),
            ("a form twice in a visit", OdmFile(Subject("DE01-0001", Visit("SCREENING", "2026-08-20", Vitals(Weight("71.5")), Vitals(Weight("72"))))), "FormOID 'F.VITALS' appears twice in this visit"),
            ("an item twice", OdmFile(Subject("DE01-0001", Visit("SCREENING", "2026-08-20", Vitals(Weight("71.5") + Weight("72"))))), "weight: given twice"),
            ("an unknown item", OdmFile(Subject("DE01-0001", Visit("SCREENING", "2026-08-20", Vitals("""<ItemData ItemOID="IT.VITALS.HEIGHT" Value="172"/>""")))), "ItemOID 'IT.VITALS.HEIGHT' is not an item of F.VITALS"),
            ("text for a number", OdmFile(Subject("DE01-0001", Visit("SCREENING", "2026-08-20", Vitals(Weight("heavy"))))), "weight: 'heavy' is not a number"),
            ("a fraction for an integer", OdmFile(Subject("DE01-0001", Visit("SCREENING", "2026-08-20", Vitals(Weight("71") + """<ItemData ItemOID="IT.VITALS.SYSTOLIC" Value="120.5"/>""")))), "systolic 120.5 is not a whole number"),
            ("an unknown form status", OdmFile(Subject("DE01-0001", Visit("SCREENING", "2026-08-20", Vitals(Weight("71.5"), status: "approved")))), "dermis:Status 'approved' is not a form status"),
            ("a complete form without its required items", OdmFile(Subject("DE01-0001", Visit("SCREENING", "2026-08-20", Vitals("""<ItemData ItemOID="IT.VITALS.SYSTOLIC" Value="120"/>""", status: "complete")))), "required items missing: weight"),
        };

        foreach (var (name, file, expected) in cases)
        {
            var (status, problem) = await ImportAsync(trial, file);
            Assert.True(status == HttpStatusCode.BadRequest && problem.Contains(expected, StringComparison.Ordinal), $"{name}: {(int)status} {problem}");
            Assert.StartsWith("urn:dermis:problem:invalid-input", problem, StringComparison.Ordinal);
        }

        // Larger than the import reads: refused before parsing.
        var (tooLarge, large) = await ImportAsync(trial, new string(' ', 33 * 1024 * 1024));
        Assert.True(tooLarge == HttpStatusCode.BadRequest && large.Contains("file: the file is larger than 32 MiB", StringComparison.Ordinal), $"{(int)tooLarge} {large}");

        // A frozen site takes no new participants, as on screening.
        var (frozen, _) = await trial.PostAsync("dm", $"/api/studies/{trial.Study}/locks", new { level = "site", target = "DE01", state = "frozen" });
        Assert.Equal(HttpStatusCode.OK, frozen);
        var (refused, locked) = await ImportAsync(trial, OdmFile(Subject("DE01-0001", good)));
        Assert.True(refused == HttpStatusCode.BadRequest && locked.Contains("the data of site DE01 are frozen", StringComparison.Ordinal), $"{(int)refused} {locked}");

        var (_, participants) = await trial.GetAsync("dm", $"/api/studies/{trial.Study}/participants");
        Assert.Equal(0, participants.GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Import_reads_XML_Schema_numbers_and_a_signed_form_arrives_complete(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);
        var file = OdmFile(Subject("DE01-0001", Visit("SCREENING", "2026-08-20", Vitals(Weight(".715E2") + """<ItemData ItemOID="IT.VITALS.SYSTOLIC" Value="+120"/>""", status: "signed"))));

        var (status, body) = await ImportAsync(trial, file);

        Assert.True(status == HttpStatusCode.OK, $"{(int)status} {body}");
        var form = (await ExportAsync(trial, "dm")).Descendants(Odm + "FormData").Single();
        Assert.Equal("complete", form.Attribute(Dermis + "Status")!.Value);
        Assert.Equal(["IT.VITALS.WEIGHT=71.5", "IT.VITALS.SYSTOLIC=120"], form.Descendants(Odm + "ItemData").Select(i => $"{i.Attribute("ItemOID")!.Value}={i.Attribute("Value")!.Value}"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Export_with_an_unknown_file_type_is_a_400_naming_the_parameter(string engine)
    {
        await using var trial = await TrialFixture.StartAsync(engine);

        var (status, body) = await trial.GetAsync("dm", $"/api/studies/{trial.Study}/export/odm?type=xml");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("'xml' is not an ODM file type; allowed: snapshot, transactional", body.GetProperty("errors").GetProperty("type")[0].GetString());
    }

    /// <summary>The ODM items of every instrument are the fields its eCRF page enters (one list of score-document paths, two views).</summary>
    [Fact]
    public void Every_field_of_an_instrument_eCRF_page_is_an_ODM_item_of_the_same_path()
    {
        var protocol = ProtocolParser.Parse(TestProtocols.AtopicDermatitis, "test.yaml");
        string[] instruments = ["easi", "pasi", "scorad", "oscorad", "viga", "gppga", "hecsi", "dlqi", "poem", "ppnrs"];
        var forms = instruments.Select(i => new FormDefinition(i, i, i, [])).Append(protocol.Forms.Single(f => f.Id == "vitals"));

        foreach (var form in forms)
        {
            var page = FormLayout.For(form, protocol).SelectMany(g => g.Fields).Select(f => f.Path).ToList();
            // vIGA-AD also scores a {baseline, current} pair, which the page does not enter.
            List<string> expected = form.Instrument == "viga" ? [.. page, "baseline", "current"] : page;
            Assert.Equal(expected, FormItems.Of(form).Select(i => i.Path));
        }
    }

    [Fact]
    public async Task An_imported_screening_number_above_the_sites_count_does_not_block_the_next_screening()
    {
        await using var source = await StudyWithDataAsync(TestDatabase.Sqlite);
        var odm = await ExportAsync(source, "dm");
        // The file's two participants become DE01-0007 and DE01-0009.
        var subjects = odm.Descendants(Odm + "SubjectData").ToList();
        subjects[0].SetAttributeValue("SubjectKey", "DE01-0007");
        subjects[1].SetAttributeValue("SubjectKey", "DE01-0009");

        await using var fresh = await TrialFixture.StartAsync(TestDatabase.Sqlite);
        var (status, problem) = await ImportAsync(fresh, odm.ToString());
        Assert.True(status == HttpStatusCode.OK, problem);
        var (_, screened) = await fresh.PostAsync("coord.de", $"/api/studies/{fresh.Study}/sites/DE01/participants", new { });

        // Numbered after the site's highest number (9), not its count (2).
        Assert.Equal("DE01-0010", screened.GetProperty("screeningNumber").GetString());
    }
}
