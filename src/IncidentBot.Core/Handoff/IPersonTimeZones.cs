using NodaTime;

namespace IncidentBot.Core.Handoff;

/// <summary>
/// A person's time zone as their chat platform knows it (Slack's profile), for owners the registry has no zone for.
/// </summary>
public interface IPersonTimeZones
{
    /// <summary>The zone of the person with this handle (<c>&lt;@U123&gt;</c>), or null when the platform does not say.</summary>
    Task<DateTimeZone?> ZoneOf(string handle, CancellationToken ct);
}

/// <summary>For platforms without profiles (the terminal): the registry and the defaults decide.</summary>
public sealed class NoPersonTimeZones : IPersonTimeZones
{
    public Task<DateTimeZone?> ZoneOf(string handle, CancellationToken ct) => Task.FromResult<DateTimeZone?>(null);
}
