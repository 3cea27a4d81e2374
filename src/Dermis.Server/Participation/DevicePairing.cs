using Dermis.Server.Auth;
using Dermis.Server.Hosting;
using Dermis.Server.Trials;
using Dermis.Storage.Trials;
using Dermis.Trials.Audit;
using Dermis.Trials.Workflow;

namespace Dermis.Server.Participation;

/// <summary>A device to pair.</summary>
/// <param name="Serial">Serial number printed on the device (4–32 capital letters, digits or '-').</param>
/// <param name="Kind">wristband, radio or sweatPatch.</param>
internal sealed record PairRequest(string? Serial, string? Kind);

/// <summary>A paired device; <see cref="Token"/> only in the answer to pairing, never again.</summary>
internal sealed record DeviceView(long Id, string Serial, string Kind, string PairedBy, DateTimeOffset PairedAt, DateTimeOffset? UnpairedAt, string? Token);

/// <summary>
/// Pairing a wristband, radio box or sweat patch to a participant by its serial number. Pairing issues
/// the device's ingest token (shown once; only its SHA-256 is stored, like API tokens), which the
/// device sends with its data; unpairing revokes it. A serial is paired to one participant at a time.
/// </summary>
internal static class DevicePairing
{
    public static readonly IReadOnlyList<string> Kinds = ["wristband", "radio", "sweatPatch"];

    /// <summary>Pairs a device to <paramref name="participant"/>; the caller commits (the audit trail records who and in which role).</summary>
    public static async Task<DeviceView> PairAsync(TrialRequest request, ParticipantRow participant, PairRequest body)
    {
        var errors = new Fields();
        var serial = body.Serial?.Trim().ToUpperInvariant();
        errors.Check("serial", serial is { Length: >= 4 and <= 32 } s && s.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-'),
            "is required: the serial number on the device, 4–32 letters, digits or '-'");
        errors.Check("kind", body.Kind is { } k && Kinds.Contains(k), $"is required: one of {string.Join(", ", Kinds)}");
        errors.ThrowIfAny("Invalid device");
        if (await request.Store.FindPairedDeviceAsync(serial!) is { } paired)
        {
            var whose = paired.ParticipantId == participant.Id ? "you" : "another participant";
            throw new DomainRuleException("device-paired", $"Device {serial} is already paired to {whose}; unpair it first.");
        }

        var token = BearerTokenHandler.NewToken();
        var row = new DeviceRow
        {
            StudyId = request.Study.Id,
            ParticipantId = participant.Id,
            Serial = serial!,
            Kind = body.Kind!,
            TokenHash = BearerTokenHandler.HashToken(token),
            PairedBy = request.Actor,
            PairedAt = UtcText.Format(request.Now),
        };
        await request.Store.InsertDeviceAsync(row);
        request.Audit(new AuditEvent(participant.SiteId, participant.ScreeningNumber, "device", $"{participant.ScreeningNumber}/{serial}", null, "pair", null, body.Kind, null));
        return View(row) with { Token = token };
    }

    public static async Task UnpairAsync(TrialRequest request, ParticipantRow participant, long deviceId)
    {
        var device = (await request.Store.ListDevicesAsync(participant.Id)).FirstOrDefault(d => d.Id == deviceId && d.UnpairedAt is null)
            ?? throw new NotFoundException($"No paired device {deviceId} for {participant.ScreeningNumber}.");
        await request.Store.UnpairDeviceAsync(device.Id, request.Now);
        request.Audit(new AuditEvent(participant.SiteId, participant.ScreeningNumber, "device", $"{participant.ScreeningNumber}/{device.Serial}", null, "unpair", device.Kind, null, null));
    }

    public static DeviceView View(DeviceRow row) =>
        new(row.Id, row.Serial, row.Kind, row.PairedBy, UtcText.Parse(row.PairedAt), row.UnpairedAt is { } at ? UtcText.Parse(at) : null, null);
}
