using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dermis.Server.Auth;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.Storage.Trials;
using Dermis.Trials.Access;
using Dermis.Trials.Audit;
using Dermis.Trials.Diaries;
using Dermis.Trials.Protocol;
using Dermis.Trials.Workflow;

namespace Dermis.Server.Participation;

/// <summary>The participant's signature on a consent document.</summary>
/// <param name="Answers">Comprehension question id → the option chosen.</param>
/// <param name="TypedName">The participant's full name, typed as a signature.</param>
/// <param name="Pin">The participant's PIN or password, re-entered to sign (21 CFR 11.200: two components).</param>
internal sealed record ConsentSignRequest(Dictionary<string, string>? Answers, string? TypedName, string? Pin);

/// <summary>The investigator's countersignature.</summary>
/// <param name="Password">The investigator's password, re-entered to sign.</param>
internal sealed record CountersignRequest(string? Password);

/// <summary>The consent document as the participant reads it (without the right answers).</summary>
internal sealed record ConsentDocumentView(string Version, string Title, string Text, IReadOnlyList<QuestionView> Questions, bool Needed, IReadOnlyList<EConsentView> Signed);

/// <summary>A comprehension question as asked.</summary>
internal sealed record QuestionView(string Id, string Text, IReadOnlyList<string> Options);

/// <summary>An electronic consent as shown to the participant and the site.</summary>
internal sealed record EConsentView(long Id, string DocumentVersion, string Title, string SignedName, DateTimeOffset SignedAt, string Sha256, bool HashVerified,
    string? CountersignedBy, string? CountersignedName, DateTimeOffset? CountersignedAt, string Text, IReadOnlyDictionary<string, string> Answers, bool Current);

/// <summary>
/// Electronic consent (docs/participant-app.md): the participant reads the protocol's current consent
/// document, answers its comprehension questions correctly, and signs with their typed name and PIN;
/// the investigator countersigns with their password. What was signed is kept as an immutable
/// snapshot (document text, answers, name, time) with its SHA-256, which is re-checked whenever it is
/// shown. A countersigned consent is recorded as the participant's consent, so enrolment's consent
/// rule holds; a protocol amendment with a new document version asks for re-consent.
/// </summary>
internal static class ElectronicConsent
{
    public static async Task<bool> NeedsConsentAsync(ParticipantSession session) =>
        session.Protocol.Definition.CurrentConsentDocument is { } document &&
        (await session.Store.ListEConsentsAsync(session.Participant.Id)).All(c => c.DocumentVersion != document.Version);

    /// <summary>The current document, its questions without their answers, and what the participant signed so far.</summary>
    public static async Task<ConsentDocumentView> DocumentViewAsync(ParticipantSession session)
    {
        var document = CurrentDocument(session);
        var signed = (await session.Store.ListEConsentsAsync(session.Participant.Id)).Select(c => View(c, document.Version)).ToList();
        return new ConsentDocumentView(document.Version, document.Title, document.Text, document.Questions.Select(q => new QuestionView(q.Id, q.Text, q.Options)).ToList(),
            signed.All(s => s.DocumentVersion != document.Version), signed);
    }

    public static ConsentDocument CurrentDocument(ParticipantSession session) =>
        session.Protocol.Definition.CurrentConsentDocument
        ?? throw new NotFoundException($"{session.Request.Study.Id} has no electronic consent document for version {session.Protocol.Definition.ConsentDocumentVersion}; consent is taken on paper at the site.");

    public static async Task<EConsentView> SignAsync(ParticipantSession session, ConsentSignRequest body, VerifiedSecret pin)
    {
        var document = CurrentDocument(session);
        if ((await session.Store.ListEConsentsAsync(session.Participant.Id)).Any(c => c.DocumentVersion == document.Version))
        {
            throw new DomainRuleException("already-consented", $"You have already signed consent document {document.Version}.");
        }

        var errors = new Fields();
        var answers = body.Answers ?? [];
        foreach (var question in document.Questions)
        {
            if (!answers.TryGetValue(question.Id, out var answer))
            {
                errors.Add("answers." + question.Id, $"is required: {question.Text}");
            }
            else if (answer != question.Answer)
            {
                errors.Add("answers." + question.Id, $"'{answer}' is not right. {question.Explanation ?? "Read the document again, or ask your study team."}");
            }
        }

        errors.Check("typedName", body.TypedName is { } name && name.Trim().Length is >= 2 and <= 200, "is required: type your full name to sign");
        errors.Check("pin", !string.IsNullOrEmpty(body.Pin), "is required: re-enter your PIN to sign");
        errors.ThrowIfAny("Consent not signed");
        if (await SignerAsync(session.Request) is not { } account || !pin.Matches(account))
        {
            throw new BadInputException("Consent not signed", [new("pin", "is not your PIN; re-enter the PIN you chose when you activated the app")]);
        }

        var signedAt = session.Now;
        var snapshot = Snapshot(session, document, answers, body.TypedName!.Trim(), signedAt);
        var row = new EConsentRow
        {
            ParticipantId = session.Participant.Id,
            DocumentVersion = document.Version,
            Snapshot = snapshot,
            Sha256 = Hash(snapshot),
            SignedName = body.TypedName!.Trim(),
            SignedAt = UtcText.Format(signedAt),
        };
        await session.Store.InsertEConsentAsync(row);
        session.Audit("econsent", $"{session.Participant.ScreeningNumber}/{document.Version}", "signature", "sign", null, $"signed by participant, sha256 {row.Sha256}");
        await session.CommitAsync();
        return View(row, document.Version);
    }

    /// <summary>
    /// The investigator's countersignature, which records the consent in the casebook: so, like a
    /// paper consent, it needs the participant's casebook open (not frozen or locked) as well as the
    /// right to sign at their site.
    /// </summary>
    public static async Task<EConsentView> CountersignAsync(TrialRequest request, string screeningNumber, long econsentId, CountersignRequest body, VerifiedSecret password)
    {
        var participant = await request.ParticipantToChangeAsync(screeningNumber, Capability.Sign);
        var consent = (await request.Store.ListEConsentsAsync(participant.Id)).FirstOrDefault(c => c.Id == econsentId)
            ?? throw new NotFoundException($"Consent {econsentId} was not found for {participant.ScreeningNumber}.");
        if (consent.CountersignedAt is not null)
        {
            throw new DomainRuleException("already-countersigned", $"Consent {consent.DocumentVersion} of {participant.ScreeningNumber} was countersigned by {consent.CountersignedBy} at {consent.CountersignedAt}.");
        }

        if (Hash(consent.Snapshot) != consent.Sha256)
        {
            throw new DomainRuleException("consent-tampered", $"The stored snapshot of consent {consent.DocumentVersion} no longer matches its hash; it cannot be countersigned. Report this to the data manager.");
        }

        if (string.IsNullOrEmpty(body.Password) || await SignerAsync(request) is not { } investigator || !password.Matches(investigator))
        {
            throw new BadInputException("Not countersigned", [new("password", "is not your password; re-enter it to sign")]);
        }

        if (!await request.Store.CountersignEConsentAsync(consent.Id, investigator.Username, investigator.DisplayName, request.Now))
        {
            throw new DomainRuleException("already-countersigned", $"Consent {consent.DocumentVersion} of {participant.ScreeningNumber} was countersigned meanwhile.");
        }

        // Countersigned electronic consent is the participant's informed consent: the record enrolment checks,
        // dated on the participant's calendar (a Berlin signature at 00:30 is of that day, not the UTC day before).
        await request.Store.AddConsentAsync(new ConsentRow
        {
            ParticipantId = participant.Id,
            DocumentVersion = consent.DocumentVersion,
            SignedOn = UtcText.Format(DiaryCalendar.LocalDate(UtcText.Parse(consent.SignedAt), ParticipantSession.ZoneOf(participant))),
            Method = "electronic",
            RecordedBy = investigator.Username,
        }, request.Now);
        request.Audit(new AuditEvent(participant.SiteId, participant.ScreeningNumber, "econsent", $"{participant.ScreeningNumber}/{consent.DocumentVersion}", "countersignature",
            "countersign", null, $"countersigned by {investigator.DisplayName}, sha256 {consent.Sha256}", null));
        await request.CommitAsync(Capability.Sign, participant.SiteId);
        consent.CountersignedBy = investigator.Username;
        consent.CountersignedName = investigator.DisplayName;
        consent.CountersignedAt = UtcText.Format(request.Now);
        return View(consent, (await request.ProtocolAsync()).Definition.ConsentDocumentVersion);
    }

    /// <summary>The signed-in account, whose secret signs; null when it no longer exists (then no secret can match).</summary>
    private static Task<AccountRow?> SignerAsync(TrialRequest request) => request.Store.FindAccountAsync(request.Actor);

    public static EConsentView View(EConsentRow row, string currentVersion)
    {
        using var snapshot = JsonDocument.Parse(row.Snapshot);
        var root = snapshot.RootElement;
        var answers = root.GetProperty("answers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        return new EConsentView(row.Id, row.DocumentVersion, root.GetProperty("title").GetString() ?? "", row.SignedName, UtcText.Parse(row.SignedAt), row.Sha256,
            Hash(row.Snapshot) == row.Sha256, row.CountersignedBy, row.CountersignedName, row.CountersignedAt is { } at ? UtcText.Parse(at) : null,
            root.GetProperty("text").GetString() ?? "", answers, row.DocumentVersion == currentVersion);
    }

    /// <summary>SHA-256 of the snapshot's UTF-8 bytes, lower-case hex.</summary>
    public static string Hash(string snapshot) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(snapshot)));

    /// <summary>The canonical snapshot: fixed property order, no indentation, answers in question order.</summary>
    private static string Snapshot(ParticipantSession session, ConsentDocument document, Dictionary<string, string> answers, string typedName, DateTimeOffset at)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("study", session.Request.Study.Id);
            json.WriteString("participant", session.Participant.ScreeningNumber);
            json.WriteString("protocolVersion", session.Protocol.Definition.Version);
            json.WriteString("documentVersion", document.Version);
            json.WriteString("title", document.Title);
            json.WriteString("text", document.Text);
            json.WriteStartObject("answers");
            foreach (var question in document.Questions)
            {
                json.WriteString(question.Id, answers[question.Id]);
            }

            json.WriteEndObject();
            json.WriteString("typedName", typedName);
            json.WriteString("signedAt", UtcText.Format(at));
            json.WriteString("account", session.Request.Actor);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
