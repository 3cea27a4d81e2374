namespace Dermis.Server.Web.Charts;

/// <summary>One observation of a time series.</summary>
/// <param name="Date">The day observed.</param>
/// <param name="Value">The value; NaN or infinity marks a gap, which breaks the line.</param>
public readonly record struct DatePoint(DateOnly Date, double Value)
{
    /// <summary>An observation with a decimal value, as the casebook stores scores.</summary>
    /// <param name="date">The day observed.</param>
    /// <param name="value">The value, converted to double for plotting.</param>
    public DatePoint(DateOnly date, decimal value)
        : this(date, (double)value)
    {
    }
}
