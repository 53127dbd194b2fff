using System.Text.Json;

namespace IncidentBot.Slack;

/// <summary>
/// A :pushpin: put on or taken off a message. The event names the message by channel and ts but not its thread, so
/// the timeline entry is found by message alone.
/// </summary>
internal sealed record SlackReactionChanged(string Channel, string Ts, bool Added) : SlackThreadEvent;

internal static partial class SlackEventReader
{
    /// <summary>The reaction that marks a key event. Slack names it without colons.</summary>
    public const string KeyEventReaction = "pushpin";

    private static SlackThreadEvent ReadReaction(SlackEventCallback callback, JsonElement reaction, bool added)
    {
        if (reaction.StringProperty("reaction") != KeyEventReaction)
        {
            return new SlackIgnored($"reaction '{reaction.StringProperty("reaction")}'");
        }

        var item = reaction.ObjectProperty("item");
        var channel = item?.StringProperty("channel");
        var ts = item?.StringProperty("ts");
        if (item?.StringProperty("type") != "message" || channel is null || ts is null)
        {
            return new SlackIgnored("reaction to something other than a message");
        }

        // Our own reactions (none today) would say nothing about what people found important.
        return callback.BotUserId is { } bot && reaction.StringProperty("user") == bot
            ? new SlackIgnored("the bot's own reaction")
            : new SlackReactionChanged(channel, ts, added);
    }
}
