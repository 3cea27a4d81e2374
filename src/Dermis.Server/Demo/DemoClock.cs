namespace Dermis.Server.Demo;

/// <summary>
/// The server's clock during <c>dermis demo</c> seeding: it stands at a simulated instant so that a
/// year of visits and diaries passes through the same time rules as live data (diary windows,
/// "visit not in the future"), then <see cref="Release"/> hands over to the system clock for good.
/// </summary>
/// <remarks>
/// Register it as the application's <see cref="TimeProvider"/> before the app is built. Bearer tokens
/// issued while the clock stands at the end of the timeline stay valid when it is set back, because
/// validity is "expires after now".
/// </remarks>
public sealed class DemoClock : TimeProvider
{
    private long _ticks = -1;

    /// <summary>The simulated instant, or the system time once released (or never set).</summary>
    public override DateTimeOffset GetUtcNow()
    {
        var ticks = Interlocked.Read(ref _ticks);
        return ticks < 0 ? System.GetUtcNow() : new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>True while the clock stands at a simulated instant.</summary>
    public bool IsSimulated => Interlocked.Read(ref _ticks) >= 0;

    /// <summary>Stands the clock at <paramref name="utcNow"/> (any instant; it may go back).</summary>
    /// <exception cref="InvalidOperationException">The clock was released.</exception>
    public void Set(DateTimeOffset utcNow)
    {
        if (_released)
        {
            throw new InvalidOperationException("The demo clock was released to the system clock; it cannot be set again.");
        }

        Interlocked.Exchange(ref _ticks, utcNow.UtcTicks);
    }

    /// <summary>From now on the clock is the system clock.</summary>
    public void Release()
    {
        _released = true;
        Interlocked.Exchange(ref _ticks, -1);
    }

    private volatile bool _released;
}
