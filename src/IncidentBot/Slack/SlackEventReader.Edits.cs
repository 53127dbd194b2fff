using System.Text.Json;

namespace IncidentBot.Slack;

internal static partial class SlackEventReader
{
    private static SlackThreadEvent ReadEdited(SlackEventCallback callback, JsonElement change)
    {
        var channel = change.StringProperty("channel");
        var message = change.ObjectProperty("message");
        var ts = message?.StringProperty("ts");
        if (channel is null || message is not { } edited || ts is null || !SlackTs.TryParse(change.StringProperty("ts"), out var editedAt))
        {
            return new SlackIgnored("message_changed without channel, message or ts");
        }

        // Slack also "edits" a thread root whenever a reply is added (reply_count, latest_reply).
        var threadTs = edited.StringProperty("thread_ts");
        if (!IsReply(threadTs, ts))
        {
            return new SlackIgnored("edit of a message that is not a thread reply");
        }

        if (IsOwn(callback, edited))
        {
            return new SlackIgnored("edit of the bot's own post");
        }

        // Unfurls, language detection and metadata also fire message_changed: only a new text is an edit.
        var text = edited.StringProperty("text") ?? "";
        if (change.ObjectProperty("previous_message") is { } previous && previous.StringProperty("text") == text)
        {
            return new SlackIgnored("message_changed without a change of text");
        }

        return new SlackReplyEdited(channel, threadTs, ts, SlackText.Decode(text), editedAt);
    }

    private static SlackThreadEvent ReadDeleted(SlackEventCallback callback, JsonElement deletion)
    {
        var channel = deletion.StringProperty("channel");
        var ts = deletion.StringProperty("deleted_ts");
        var previous = deletion.ObjectProperty("previous_message");
        if (channel is null || ts is null)
        {
            return new SlackIgnored("message_deleted without channel or deleted_ts");
        }

        var threadTs = previous?.StringProperty("thread_ts");
        if (!IsReply(threadTs, ts))
        {
            return new SlackIgnored("deletion of a message that is not a known thread reply");
        }

        return previous is { } deleted && IsOwn(callback, deleted)
            ? new SlackIgnored("deletion of the bot's own post")
            : new SlackReplyDeleted(channel, threadTs, ts);
    }

    private static bool IsOwn(SlackEventCallback callback, JsonElement message)
    {
        if (callback.BotUserId is { } botUser && message.StringProperty("user") == botUser)
        {
            return true;
        }

        var appId = message.ObjectProperty("bot_profile")?.StringProperty("app_id") ?? message.StringProperty("app_id");
        return callback.ApiAppId is not null && appId == callback.ApiAppId;
    }

    /// <summary>People as mention tokens; other apps (deploy bots, alerting) by name, as a postmortem would cite them.</summary>
    private static string? Actor(JsonElement message)
    {
        var botId = message.StringProperty("bot_id");
        if (botId is null)
        {
            return message.StringProperty("user") is { } user ? $"<@{user}>" : null;
        }

        return message.ObjectProperty("bot_profile")?.StringProperty("name")
            ?? message.StringProperty("username")
            ?? $"app:{botId}";
    }
}
