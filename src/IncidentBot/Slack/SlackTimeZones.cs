using IncidentBot.Core.Handoff;
using NodaTime;

namespace IncidentBot.Slack;

/// <summary>
/// People's time zones from their Slack profiles (<c>users.info</c>, field <c>tz</c>), for owners the registry has no
/// zone for. Profiles are cached by <see cref="SlackUsers"/>: a nag must not wait on Slack.
/// </summary>
internal sealed class SlackTimeZones(SlackUsers users) : IPersonTimeZones
{
    public async Task<DateTimeZone?> ZoneOf(string handle, CancellationToken ct)
    {
        // Only Slack mentions name a Slack user; a registry id or a name would make users.info fail anyway.
        if (!handle.StartsWith("<@", StringComparison.Ordinal))
        {
            return null;
        }

        return await users.Find(SlackIds.UserId(handle), ct) is { } user && user.StringProperty("tz") is { } tz
            ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(tz)
            : null;
    }
}
