using System.Collections.Concurrent;
using System.Text.Json;
using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Teams;

/// <summary>
/// Who is who on Teams, for the core's permission checks: the sender's roster entry in the conversation the command
/// came from (<c>userRole</c> <c>guest</c> marks a guest), and whether they are on the roster of the incident's channel.
/// Answers are kept for a few minutes; a failed call is not kept.
/// </summary>
internal sealed class TeamsPeopleDirectory(ConnectorClient connector, TimeProvider clock) : IPeopleDirectory
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string Conversation, string User), (JsonElement? Member, DateTimeOffset Until)> cache = new();

    public string Platform => TeamsChatPlatform.PlatformName;

    public async Task<Standing> StandingOf(CommandContext context, CancellationToken ct)
    {
        var from = TeamsReplyTarget.Deserialize(context.ReplyTo);
        var (found, member) = await Member(from.ServiceUrl, TeamsConversationIds.Base(from.Conversation), from.User, ct);
        return !found ? Standing.Unknown
            : member is not { } m ? Standing.Unknown
            : string.Equals(m.TryGetProperty("userRole", out var role) && role.ValueKind == JsonValueKind.String ? role.GetString() : null, "guest", StringComparison.OrdinalIgnoreCase)
                ? Standing.Guest
                : Standing.Member;
    }

    public async Task<bool?> IsInChannelOf(CommandContext context, Incident incident, CancellationToken ct)
    {
        var from = TeamsReplyTarget.Deserialize(context.ReplyTo);
        var (found, member) = await Member(from.ServiceUrl, incident.Thread.Channel, from.User, ct);
        return found ? member is not null : null;
    }

    /// <summary>A name is a nicety: when the connector does not answer, the mention shows as the plain id instead.</summary>
    public async Task<string?> NameOf(CommandContext context, string handle, CancellationToken ct)
    {
        var from = TeamsReplyTarget.Deserialize(context.ReplyTo);
        var user = handle.StartsWith("<@", StringComparison.Ordinal) && handle.EndsWith('>') ? handle[2..^1] : handle;
        try
        {
            var (_, member) = await Member(from.ServiceUrl, TeamsConversationIds.Base(from.Conversation), user, ct);
            return member is { } m && m.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        }
        catch (DirectoryUnavailableException)
        {
            return null;
        }
    }

    /// <summary>(true, the roster entry) or (true, null) when not a member; (false, null) when the connector refused to say.</summary>
    private async Task<(bool Found, JsonElement? Member)> Member(string serviceUrl, string conversation, string user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue((conversation, user), out var known) && known.Until > now)
        {
            return (true, known.Member);
        }

        JsonElement? member;
        switch (await connector.GetMember(serviceUrl, conversation, user, ct))
        {
            case ConnectorResult.Success ok:
                member = ok.Body.Clone();
                break;
            case ConnectorResult.Permanent { Error: var error } when error.StartsWith("http_404", StringComparison.Ordinal):
                member = null;
                break;
            case ConnectorResult.Permanent:
                return (false, null);
            default:
                throw new DirectoryUnavailableException("the Bot Connector did not answer the members call");
        }

        cache[(conversation, user)] = (member, now + KeepFor);
        return (true, member);
    }
}
