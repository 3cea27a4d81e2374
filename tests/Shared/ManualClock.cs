namespace Dermis.Testing;

/// <summary>A clock the test sets and moves: the server reads <see cref="Now"/> wherever it asks its <see cref="TimeProvider"/>.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>The instant the clock shows.</summary>
    public DateTimeOffset Now { get; set; } = now;

    /// <summary>Moves the clock by <paramref name="by"/> (negative moves it back).</summary>
    public void Advance(TimeSpan by) => Now += by;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
