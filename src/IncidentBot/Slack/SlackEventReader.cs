using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IncidentBot.Slack;

/// <summary>What an Events API delivery means for incident threads, as <see cref="SlackEventReader"/> reads it.</summary>
internal abstract record SlackThreadEvent;

/// <summary>A reply in a thread. <see cref="Actor"/> is <c>&lt;@U123&gt;</c> for a person, the app's name for an app.</summary>
internal sealed record SlackReplyPosted(string Channel, string ThreadTs, string Ts, string Actor, string Text, DateTimeOffset At) : SlackThreadEvent;

internal sealed record SlackReplyEdited(string Channel, string ThreadTs, string Ts, string Text, DateTimeOffset EditedAt) : SlackThreadEvent;

internal sealed record SlackReplyDeleted(string Channel, string ThreadTs, string Ts) : SlackThreadEvent;

/// <summary>The bot mentioned: <see cref="CommandText"/> is what follows the mention, decoded.</summary>
internal sealed record SlackMention(string Channel, string? ThreadTs, string Ts, string User, string CommandText, bool PrivateChannel = false) : SlackThreadEvent;

internal sealed record SlackIgnored(string Reason) : SlackThreadEvent;

/// <summary>
/// Reads an Events API delivery as a change to a thread. Only thread replies matter for timelines; edits, deletions
/// and :pushpin: reactions follow them; the bot's own posts come back as events too and are skipped, since its
/// actions are already timeline entries of their own.
/// </summary>
internal static partial class SlackEventReader
{
    public static SlackThreadEvent Read(SlackEventCallback callback)
    {
        var inner = callback.Event;
        return inner.StringProperty("type") switch
        {
            "message" => ReadMessage(callback, inner),
            "app_mention" => ReadMention(callback, inner),
            "reaction_added" => ReadReaction(callback, inner, added: true),
            "reaction_removed" => ReadReaction(callback, inner, added: false),
            "app_home_opened" => ReadHomeOpened(inner),
            var type => new SlackIgnored($"event type '{type}'"),
        };
    }

    private static SlackThreadEvent ReadMessage(SlackEventCallback callback, JsonElement message) =>
        message.StringProperty("subtype") switch
        {
            // Subtypes that are still somebody saying something; message_replied arrives without a subtype.
            null or "thread_broadcast" or "file_share" or "bot_message" or "me_message" => ReadPosted(callback, message),
            "message_changed" => ReadEdited(callback, message),
            "message_deleted" => ReadDeleted(callback, message),
            var subtype => new SlackIgnored($"message subtype '{subtype}'"),
        };

    private static SlackThreadEvent ReadPosted(SlackEventCallback callback, JsonElement message)
    {
        var channel = message.StringProperty("channel");
        var ts = message.StringProperty("ts");
        var threadTs = message.StringProperty("thread_ts");
        if (channel is null || !SlackTs.TryParse(ts, out var at))
        {
            return new SlackIgnored("message without channel or ts");
        }

        if (!IsReply(threadTs, ts))
        {
            return new SlackIgnored("not a thread reply");
        }

        if (IsOwn(callback, message))
        {
            return new SlackIgnored("the bot's own post");
        }

        var actor = Actor(message);
        return actor is null
            ? new SlackIgnored("message without an author")
            : new SlackReplyPosted(channel, threadTs, ts, actor, SlackText.Decode(message.StringProperty("text") ?? ""), at);
    }

    private static SlackThreadEvent ReadMention(SlackEventCallback callback, JsonElement mention)
    {
        var channel = mention.StringProperty("channel");
        var ts = mention.StringProperty("ts");
        var user = mention.StringProperty("user");
        if (channel is null || ts is null || user is null)
        {
            return new SlackIgnored("app_mention without channel, ts or user");
        }

        if (IsOwn(callback, mention))
        {
            return new SlackIgnored("the bot's own post");
        }

        var threadTs = mention.StringProperty("thread_ts");
        var command = StripBotMentions(mention.StringProperty("text") ?? "", callback.BotUserId);
        return new SlackMention(
            channel, IsReply(threadTs, ts) ? threadTs : null, ts, $"<@{user}>", SlackText.Decode(command).Trim(),
            SlackIds.IsPrivateChannel(channel, mention.StringProperty("channel_type")));
    }

    private static string StripBotMentions(string text, string? botUserId)
    {
        if (botUserId is null)
        {
            // Not knowing our own id, the first mention is the one that made Slack send this event.
            return LeadingMention().Replace(text, "", 1);
        }

        var match = LeadingMention().Match(text);
        while (match.Success && match.Groups["id"].Value == botUserId)
        {
            text = text[match.Length..];
            match = LeadingMention().Match(text);
        }

        return text;
    }

    internal static bool IsReply([NotNullWhen(true)] string? threadTs, string? ts) => threadTs is not null && threadTs != ts;

    [GeneratedRegex(@"^\s*<@(?<id>[UW][A-Z0-9]+)(\|[^>]*)?>")]
    private static partial Regex LeadingMention();
}
