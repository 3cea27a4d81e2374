using System.Globalization;

namespace Dermis.Server.Web.Charts;

/// <summary>The calendar unit a date axis steps by.</summary>
public enum DateTickUnit
{
    /// <summary>Every day (labels like "12 Mar").</summary>
    Day,

    /// <summary>Mondays (labels like "9 Mar").</summary>
    Week,

    /// <summary>The first of a month (labels like "Mar 2026").</summary>
    Month,

    /// <summary>The first of January, April, July or October (labels like "Apr 2026").</summary>
    Quarter,

    /// <summary>The first of January (labels like "2026").</summary>
    Year,
}

/// <summary>The ticks of a date axis: the unit, how many units a step spans, and the tick dates.</summary>
/// <param name="Unit">The calendar unit.</param>
/// <param name="Count">Units per step, e.g. 2 with <see cref="DateTickUnit.Week"/> for every other Monday.</param>
/// <param name="Ticks">The tick dates in order, all inside the requested span.</param>
public sealed record DateTickSet(DateTickUnit Unit, int Count, IReadOnlyList<DateOnly> Ticks)
{
    /// <summary>The label for a tick: "12 Mar" for days and weeks, "Mar 2026" for months and quarters, "2026" for years.</summary>
    /// <remarks>Invariant culture, so month names are English abbreviations whatever the server's culture.</remarks>
    public string Label(DateOnly tick) => tick.ToString(Format(Unit), CultureInfo.InvariantCulture);

    internal static string Format(DateTickUnit unit) => unit switch
    {
        DateTickUnit.Day or DateTickUnit.Week => "d MMM",
        DateTickUnit.Month or DateTickUnit.Quarter => "MMM yyyy",
        _ => "yyyy",
    };
}
