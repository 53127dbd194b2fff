using System.Collections.Concurrent;
using System.Text.Json;
using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Slack;

/// <summary>
/// Who is who on Slack, for the core's permission checks: guests from <c>users.info</c>, channel members from
/// <c>conversations.members</c> (scopes <c>channels:read</c>, <c>groups:read</c>), each cached for a few minutes and
/// never cached when Slack did not answer.
/// </summary>
internal sealed class SlackPeopleDirectory(SlackUsers users, SlackApiClient api, TimeProvider clock) : IPeopleDirectory
{
    private static readonly TimeSpan KeepMembersFor = TimeSpan.FromMinutes(5);

    /// <summary>conversations.members pages; a channel bigger than this many pages is read no further.</summary>
    private const int MaxPages = 20;

    private readonly ConcurrentDictionary<string, (HashSet<string> Members, DateTimeOffset Until)> channels = new(StringComparer.Ordinal);

    public string Platform => SlackChatPlatform.PlatformName;

    public async Task<Standing> StandingOf(CommandContext context, CancellationToken ct) =>
        await users.Lookup(SlackIds.UserId(context.User), ct) switch
        {
            (_, Answered: false) => throw new DirectoryUnavailableException("Slack did not answer users.info"),
            (null, _) => Standing.Unknown,
            ({ } user, _) when SlackUsers.IsGuest(user) => Standing.Guest,
            _ => Standing.Member,
        };

    public async Task<bool?> IsInChannelOf(CommandContext context, Incident incident, CancellationToken ct) =>
        await Members(incident.Thread.Channel, ct) is { } members ? members.Contains(SlackIds.UserId(context.User)) : null;

    public async Task<string?> NameOf(CommandContext context, string handle, CancellationToken ct) =>
        await users.Find(SlackIds.UserId(handle), ct) is { } user ? SlackUsers.NameOf(user) : null;

    private async Task<HashSet<string>?> Members(string channel, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (channels.TryGetValue(channel, out var known) && known.Until > now)
        {
            return known.Members;
        }

        var members = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var arguments = new Dictionary<string, string> { ["channel"] = channel, ["limit"] = "1000" };
            if (cursor is not null)
            {
                arguments["cursor"] = cursor;
            }

            var result = await api.Call("conversations.members", arguments, ct);
            if (result is SlackApiResult.Transient or SlackApiResult.RateLimited)
            {
                throw new DirectoryUnavailableException("Slack did not answer conversations.members");
            }

            if (result is not SlackApiResult.Success ok)
            {
                return null;
            }

            if (ok.Body.TryGetProperty("members", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                members.UnionWith(list.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!));
            }

            cursor = ok.Body.ObjectProperty("response_metadata")?.StringProperty("next_cursor");
            if (string.IsNullOrEmpty(cursor))
            {
                break;
            }
        }

        channels[channel] = (members, now + KeepMembersFor);
        return members;
    }
}
