namespace IncidentBot.Core.Tests.Support;

/// <summary>
/// A clock that moves only when a test moves it (Microsoft.Extensions.TimeProvider.Testing does not restore here).
/// Timers are not simulated: code that waits uses the clock only to decide what is due.
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public ManualClock()
        : this(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
