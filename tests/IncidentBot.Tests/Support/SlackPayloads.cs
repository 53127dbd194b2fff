using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Support;

/// <summary>Requests shaped like the real Slack payloads in Slack/Payloads, with the fields the tests vary.</summary>
internal static class SlackPayloads
{
    public const string BotUserId = "U0BOT";
    public const string AppId = "A0INCIDENT";
    public const string TeamId = "T0TEAM";

    private static int triggers;

    /// <summary>
    /// Whose "now" <see cref="Ts"/> counts from: the running host test's bot clock (set by <see cref="HostTestBase"/>;
    /// tests do not run in parallel), else the machine's.
    /// </summary>
    public static TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>A Slack ts this many seconds from now: replies come after the declare time, as in real threads.</summary>
    public static string Ts(double secondsFromNow)
    {
        var micros = (Clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000) + (long)(secondsFromNow * 1_000_000);
        return $"{micros / 1_000_000}.{micros % 1_000_000:D6}";
    }

    public static DateTimeOffset TimeOf(string ts) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(decimal.Parse(ts, System.Globalization.CultureInfo.InvariantCulture) * 1000));

    public static string SlashCommand(string text, string user, string channel, string? responseUrl, string? triggerId, string channelName = "ops") =>
        string.Join('&', new Dictionary<string, string?>
        {
            ["token"] = "deprecated",
            ["team_id"] = TeamId,
            ["team_domain"] = "example",
            ["channel_id"] = channel,
            ["channel_name"] = channelName,
            ["user_id"] = user,
            ["user_name"] = "someone",
            ["command"] = "/outage",
            ["text"] = text,
            ["api_app_id"] = AppId,
            ["response_url"] = responseUrl ?? "https://hooks.slack.com/commands/T0TEAM/1/abc",
            ["trigger_id"] = triggerId ?? $"trigger.{Interlocked.Increment(ref triggers)}",
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value ?? "")}"));

    public static string EventCallback(string eventId, JsonObject inner) => new JsonObject
    {
        ["token"] = "deprecated",
        ["team_id"] = TeamId,
        ["api_app_id"] = AppId,
        ["event"] = inner,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1_700_000_000,
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["team_id"] = TeamId,
            ["user_id"] = BotUserId,
            ["is_bot"] = true,
            ["is_enterprise_install"] = false,
        }),
    }.ToJsonString();

    public static JsonObject Reply(string channel, string threadTs, string ts, string user, string text) => new()
    {
        ["type"] = "message",
        ["user"] = user,
        ["text"] = text,
        ["ts"] = ts,
        ["thread_ts"] = threadTs,
        ["channel"] = channel,
        ["event_ts"] = ts,
        ["channel_type"] = "channel",
    };

    public static JsonObject Edit(string channel, string threadTs, string ts, string editTs, string user, string oldText, string newText) => new()
    {
        ["type"] = "message",
        ["subtype"] = "message_changed",
        ["hidden"] = true,
        ["channel"] = channel,
        ["ts"] = editTs,
        ["event_ts"] = editTs,
        ["message"] = new JsonObject { ["type"] = "message", ["user"] = user, ["text"] = newText, ["ts"] = ts, ["thread_ts"] = threadTs, ["edited"] = new JsonObject { ["user"] = user, ["ts"] = editTs } },
        ["previous_message"] = new JsonObject { ["type"] = "message", ["user"] = user, ["text"] = oldText, ["ts"] = ts, ["thread_ts"] = threadTs },
        ["channel_type"] = "channel",
    };

    public static JsonObject Delete(string channel, string threadTs, string ts, string deleteTs, string user, string oldText) => new()
    {
        ["type"] = "message",
        ["subtype"] = "message_deleted",
        ["hidden"] = true,
        ["channel"] = channel,
        ["ts"] = deleteTs,
        ["event_ts"] = deleteTs,
        ["deleted_ts"] = ts,
        ["previous_message"] = new JsonObject { ["type"] = "message", ["user"] = user, ["text"] = oldText, ["ts"] = ts, ["thread_ts"] = threadTs },
        ["channel_type"] = "channel",
    };

    public static JsonObject Mention(string channel, string threadTs, string ts, string user, string text) => new()
    {
        ["type"] = "app_mention",
        ["user"] = user,
        ["text"] = text,
        ["ts"] = ts,
        ["thread_ts"] = threadTs,
        ["channel"] = channel,
        ["event_ts"] = ts,
    };

    /// <summary>A reaction put on (or taken off) a message; Slack names the message but not its thread.</summary>
    public static JsonObject Reaction(bool added, string channel, string ts, string user, string eventTs, string reaction = "pushpin") => new()
    {
        ["type"] = added ? "reaction_added" : "reaction_removed",
        ["user"] = user,
        ["reaction"] = reaction,
        ["item"] = new JsonObject { ["type"] = "message", ["channel"] = channel, ["ts"] = ts },
        ["item_user"] = "U0BOB",
        ["event_ts"] = eventTs,
    };

    /// <summary>A <c>block_actions</c> payload: one of our buttons pressed in a message in C0OPS.</summary>
    public static JsonObject ButtonPress(string actionId, string value, string user, string triggerId) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user },
        ["trigger_id"] = triggerId,
        ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = "C0OPS", ["message_ts"] = "1.2" },
        ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = value, ["type"] = "button", ["action_ts"] = "1.3" }),
    };

    public static JsonObject HomeOpened(string user, string tab = "home") => new()
    {
        ["type"] = "app_home_opened",
        ["user"] = user,
        ["channel"] = "D" + user,
        ["tab"] = tab,
        ["event_ts"] = Ts(0),
    };

    /// <summary>A global shortcut (<c>shortcut</c>) used by <paramref name="user"/>.</summary>
    public static JsonObject Shortcut(string callbackId, string user, string triggerId) => new()
    {
        ["type"] = "shortcut",
        ["callback_id"] = callbackId,
        ["trigger_id"] = triggerId,
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant() },
        ["action_ts"] = Ts(0),
    };

    /// <summary>A message shortcut (<c>message_action</c>) used on a message by <paramref name="author"/> in <paramref name="channel"/>.</summary>
    public static JsonObject MessageShortcut(string callbackId, string user, string triggerId, string channel, string ts, string author, string text) => new()
    {
        ["type"] = "message_action",
        ["callback_id"] = callbackId,
        ["trigger_id"] = triggerId,
        ["user"] = new JsonObject { ["id"] = user },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "support" },
        ["message"] = new JsonObject { ["type"] = "message", ["user"] = author, ["ts"] = ts, ["text"] = text },
        ["message_ts"] = ts,
        ["response_url"] = "https://hooks.slack.com/app/T0TEAM/1/xyz",
    };

    /// <summary>A button pressed in the Home tab: its container is the view, and there is no channel or response_url.</summary>
    public static JsonObject HomeButton(string actionId, string value, string user) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user },
        ["trigger_id"] = $"trigger.{Guid.NewGuid():N}",
        ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V0HOME" },
        ["view"] = new JsonObject { ["id"] = "V0HOME", ["type"] = "home" },
        ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = value, ["type"] = "button", ["action_ts"] = Ts(0) }),
    };

    /// <summary>A <c>view_submission</c> of a modal whose inputs are plain text, by block id.</summary>
    public static JsonObject ViewSubmission(string callbackId, string state, Dictionary<string, string?> values, string user) => new()
    {
        ["type"] = "view_submission",
        ["user"] = new JsonObject { ["id"] = user },
        ["trigger_id"] = $"trigger.{Guid.NewGuid():N}",
        ["view"] = new JsonObject
        {
            ["id"] = "V1",
            ["callback_id"] = callbackId,
            ["private_metadata"] = state,
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject(values.Select(v => KeyValuePair.Create<string, JsonNode?>(
                    v.Key, new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = v.Value } }))),
            },
        },
    };
}
