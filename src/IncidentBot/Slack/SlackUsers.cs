using System.Collections.Concurrent;
using System.Text.Json;

namespace IncidentBot.Slack;

/// <summary>
/// People's Slack profiles (<c>users.info</c>, scope <c>users:read</c>): whether they are guests, their names and time
/// zones. Kept for ten minutes per person, so a burst of commands asks Slack once; a failed call is not kept, so the
/// next command asks again instead of treating the person as unknown for ten minutes. While Slack does not answer,
/// the last profile seen is used, however old: being down must not make a known member a stranger.
/// </summary>
internal sealed class SlackUsers(SlackApiClient api, TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (JsonElement User, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);

    /// <summary>The <c>user</c> object, or null when Slack did not answer or has no such user.</summary>
    public async Task<JsonElement?> Find(string userId, CancellationToken ct) => (await Lookup(userId, ct)).User;

    /// <summary>The <c>user</c> object (null: no such user), or <c>Answered</c> false when Slack did not answer and nothing was seen before.</summary>
    public async Task<(JsonElement? User, bool Answered)> Lookup(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var seen = cache.TryGetValue(userId, out var known);
        if (seen && known.Until > now)
        {
            return (known.User, true);
        }

        switch (await api.Call("users.info", new Dictionary<string, string> { ["user"] = userId }, ct))
        {
            case SlackApiResult.Success ok when ok.Body.ObjectProperty("user") is { } user:
                cache[userId] = (user.Clone(), now + KeepFor);
                return (user, true);
            case SlackApiResult.Transient or SlackApiResult.RateLimited:
                return seen ? (known.User, true) : (null, false);
            default:
                return (null, true);
        }
    }

    /// <summary>Single- and multi-channel guests: Slack's <c>is_ultra_restricted</c> and <c>is_restricted</c>.</summary>
    public static bool IsGuest(JsonElement user) => user.IsTrue("is_restricted") || user.IsTrue("is_ultra_restricted");

    /// <summary>The name people see: the display name, else the real name, else the account name.</summary>
    public static string? NameOf(JsonElement user) =>
        NonEmpty(user.ObjectProperty("profile")?.StringProperty("display_name"))
        ?? NonEmpty(user.ObjectProperty("profile")?.StringProperty("real_name"))
        ?? NonEmpty(user.StringProperty("real_name"))
        ?? NonEmpty(user.StringProperty("name"));

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
