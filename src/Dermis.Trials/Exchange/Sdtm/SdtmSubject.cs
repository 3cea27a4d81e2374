using System.Globalization;
using System.Text.Json;
using Dermis.Trials.Protocol;

namespace Dermis.Trials.Exchange.Sdtm;

/// <summary>How a recorded visit appears in SDTM: VISITNUM, VISIT and the protocol's VISITDY.</summary>
/// <param name="Number">VISITNUM: the scheduled visit's position in the protocol (1, 2, …); an unscheduled visit gets the number of the last scheduled visit before it plus 0.01, 0.02, … (SDTMIG v3.4 §4.4.5).</param>
/// <param name="Name">VISIT: the protocol's visit name; for an unscheduled visit its name and number, e.g. <c>Unscheduled 3.01</c>.</param>
/// <param name="PlannedDay">VISITDY: the protocol's target study day, or null for an unscheduled visit.</param>
/// <param name="Unscheduled">True for an unscheduled visit (or a visit the protocol no longer lists).</param>
internal sealed record SdtmVisit(decimal Number, string Name, int? PlannedDay, bool Unscheduled);

/// <summary>What every domain needs to know about one participant.</summary>
internal sealed class SdtmSubject
{
    public const string DemographicsFormId = "demographics";

    private SdtmSubject(ExportSubject subject, string usubjid)
    {
        Subject = subject;
        Usubjid = usubjid;
    }

    public ExportSubject Subject { get; }

    /// <summary>USUBJID: STUDYID-SUBJID.</summary>
    public string Usubjid { get; }

    /// <summary>RFSTDTC: the anchor visit's date (study day 1, first dose by protocol).</summary>
    public DateOnly? ReferenceStart => Subject.AnchorDate;

    /// <summary>RFENDTC: the last recorded visit's date, for participants with a reference start.</summary>
    public DateOnly? ReferenceEnd { get; private init; }

    /// <summary>RFICDTC: the first consent, else the demographics form's consent date.</summary>
    public DateOnly? ConsentDate { get; private init; }

    /// <summary>The first demographics form's items and the date of its visit (DMDTC), or null.</summary>
    public (JsonElement? Data, DateOnly Date)? Demographics { get; private init; }

    /// <summary>True when the participant was randomised (<see cref="ExportSubject.Randomised"/>).</summary>
    public bool Randomised => Subject.Randomised;

    /// <summary>True when the participant failed screening.</summary>
    public bool ScreenFailed { get; private init; }

    /// <summary>VISITNUM, VISIT and VISITDY of each recorded visit, by visit key.</summary>
    public IReadOnlyDictionary<long, SdtmVisit> Visits { get; private init; } = new Dictionary<long, SdtmVisit>();

    /// <summary>Study day (--DY) of a date relative to RFSTDTC.</summary>
    public int? StudyDay(DateOnly? date) => SdtmValues.StudyDay(date, ReferenceStart);

    public static SdtmSubject From(ProtocolDefinition protocol, ExportSubject subject)
    {
        var demographics = subject.Visits
            .SelectMany(v => v.Forms.Where(f => f.FormId == DemographicsFormId).Select(f => (Data: SdtmValues.Json(f.Data), v.Date)))
            .Cast<(JsonElement? Data, DateOnly Date)?>()
            .FirstOrDefault();
        var lastVisit = subject.Visits.Count == 0 ? (DateOnly?)null : subject.Visits.Max(v => v.Date);
        return new SdtmSubject(subject, $"{protocol.StudyId}-{subject.ScreeningNumber}")
        {
            ReferenceEnd = subject.AnchorDate is { } anchor && lastVisit is { } last ? (last > anchor ? last : anchor) : null,
            ConsentDate = subject.ConsentDate ?? SdtmValues.FullDate(demographics?.Data, "consentDate"),
            Demographics = demographics,
            ScreenFailed = subject.Status == "screenFailed" || subject.Events.Any(e => e.Action == "screenFail"),
            Visits = NumberVisits(protocol, subject.Visits),
        };
    }

    private static Dictionary<long, SdtmVisit> NumberVisits(ProtocolDefinition protocol, IReadOnlyList<ExportVisit> visits)
    {
        var scheduled = protocol.Visits.Where(v => !v.IsUnscheduled).ToList();
        var numbers = new Dictionary<long, SdtmVisit>();
        var extras = new Dictionary<decimal, int>();
        var previous = 0m;
        foreach (var visit in visits.OrderBy(v => v.Date))
        {
            var position = scheduled.FindIndex(v => v.Id == visit.VisitId);
            if (position >= 0)
            {
                previous = position + 1;
                numbers[visit.Key] = new SdtmVisit(previous, scheduled[position].Name, scheduled[position].Day, false);
                continue;
            }

            var count = extras.GetValueOrDefault(previous) + 1;
            extras[previous] = count;
            var number = previous + (count * 0.01m);
            var name = protocol.FindVisit(visit.VisitId)?.Name ?? visit.VisitId;
            numbers[visit.Key] = new SdtmVisit(number, $"{name} {number.ToString("0.00", CultureInfo.InvariantCulture)}", null, true);
        }

        return numbers;
    }
}
