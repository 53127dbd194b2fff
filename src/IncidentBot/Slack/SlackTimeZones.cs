using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Core.Handoff;
using NodaTime;

namespace IncidentBot.Slack;

/// <summary>
/// People's time zones from their Slack profiles (<c>users.info</c>, field <c>tz</c>; scope <c>users:read</c>), for
/// owners the registry has no zone for. Kept for an hour per person: people rarely move, and a nag must not wait on Slack.
/// </summary>
internal sealed class SlackTimeZones(SlackApiClient api, TimeProvider clock) : IPersonTimeZones
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (DateTimeZone? Zone, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);

    public async Task<DateTimeZone?> ZoneOf(string handle, CancellationToken ct)
    {
        // Only Slack mentions name a Slack user; a registry id or a name would make users.info fail anyway.
        if (!handle.StartsWith("<@", StringComparison.Ordinal))
        {
            return null;
        }

        var user = SlackIds.UserId(handle);
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(user, out var known) && known.Until > now)
        {
            return known.Zone;
        }

        var result = await api.Call("users.info", new JsonObject { ["user"] = user }, ct);
        var zone = result is SlackApiResult.Success ok && ok.Body.TryGetProperty("user", out var profile)
            && profile.TryGetProperty("tz", out var tz) && tz.ValueKind == JsonValueKind.String
            ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(tz.GetString()!)
            : null;

        // A failed call is not cached: the next reminder asks again rather than assuming the default for an hour.
        if (result is SlackApiResult.Success)
        {
            cache[user] = (zone, now + KeepFor);
        }

        return zone;
    }
}
