using System.Collections.Concurrent;

namespace IncidentBot.Slack.Home;

/// <summary>
/// Links to Slack messages (<c>chat.getPermalink</c>), kept once known: a message's permalink never changes. Null when
/// Slack gives none (a conversation the bot cannot see) or does not answer; callers show the message without a link.
/// </summary>
internal sealed class SlackPermalinks(SlackApiClient api)
{
    /// <summary>Enough for every incident thread a Home tab shows, many times over; the oldest are dropped past it.</summary>
    private const int MaxKept = 2000;

    private readonly ConcurrentDictionary<(string Channel, string Ts), string> known = new();

    public async Task<string?> Of(string channel, string ts, CancellationToken ct)
    {
        if (known.TryGetValue((channel, ts), out var link))
        {
            return link;
        }

        var result = await api.Call("chat.getPermalink", new Dictionary<string, string> { ["channel"] = channel, ["message_ts"] = ts }, ct);
        if (result is not SlackApiResult.Success ok || ok.Body.StringProperty("permalink") is not { Length: > 0 } permalink)
        {
            return null;
        }

        if (known.Count >= MaxKept)
        {
            known.Clear();
        }

        known[(channel, ts)] = permalink;
        return permalink;
    }
}
