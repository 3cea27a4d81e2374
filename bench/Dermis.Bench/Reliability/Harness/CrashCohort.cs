namespace Dermis.Bench.Reliability.Harness;

/// <summary>One participant's eCRF form that one writer saves over and over.</summary>
/// <param name="Path">The form's API path (<c>…/visits/{id}/forms/counter</c>).</param>
/// <param name="VisitRowId">The visit's row id, which keys the form's row in <c>form_data</c>.</param>
internal sealed record CrashForm(string Path, long VisitRowId);

/// <summary>A participant-app account that submits diary entries.</summary>
/// <param name="ScreeningNumber">The participant's screening number (for messages).</param>
/// <param name="Token">The participant's bearer token (signed in with the PIN).</param>
internal sealed record CrashDiarist(string ScreeningNumber, string Token);

/// <summary>A paired wristband that posts sample batches.</summary>
internal sealed record CrashDevice(string Serial, string Token);

/// <summary>What seeding made: the coordinator's token, the forms, the diarists, the devices and the due dates.</summary>
/// <param name="CoordinatorToken">Bearer token of the site coordinator who saves the forms.</param>
/// <param name="DiaryIds">The study's diaries (each daily, window 00:00–23:59 UTC, 168 h offline grace).</param>
/// <param name="DiaryDates">The due dates an entry made now may still be accepted for (anchor day to today).</param>
internal sealed record CrashCohort(
    string CoordinatorToken, IReadOnlyList<CrashForm> Forms, IReadOnlyList<CrashDiarist> Diarists,
    IReadOnlyList<CrashDevice> Devices, IReadOnlyList<string> DiaryIds, IReadOnlyList<DateOnly> DiaryDates);
