using System.Text.Json;

namespace IncidentBot.Slack;

/// <summary>
/// Inbox keys for a request: it is processed once even when any one of its keys was seen before. Slack retries an
/// event under the same event id, but may also deliver one message twice under two ids; and it sends a thread
/// mention both as <c>message</c> and as <c>app_mention</c>, which are two different things to do (record, run).
/// </summary>
internal static class SlackDedupe
{
    public static IReadOnlyList<string> Keys(SlackRequest request) => request switch
    {
        SlackEventCallback callback => EventKeys(callback),

        // Without a trigger id nothing tells a retry from the same command typed twice: better run it twice.
        SlackSlashCommand { TriggerId: { } trigger } => [$"slack:command:{trigger}"],
        SlackInteraction interaction => InteractionKeys(interaction.Payload),
        _ => [],
    };

    private static List<string> EventKeys(SlackEventCallback callback)
    {
        var keys = new List<string> { $"slack:event:{callback.EventId}" };
        var inner = callback.Event;
        var channel = inner.StringProperty("channel");
        var ts = inner.StringProperty("ts");
        if (channel is not null && ts is not null)
        {
            // For message_changed and message_deleted, ts is the time of the change, so two edits stay two keys.
            keys.Add($"slack:message:{inner.StringProperty("type")}:{inner.StringProperty("subtype")}:{channel}:{ts}");
        }

        if (inner.ObjectProperty("item") is { } item && inner.StringProperty("reaction") is { } reaction && inner.StringProperty("event_ts") is { } eventTs)
        {
            // Pinning, unpinning and pinning again are three changes: event_ts (and the type) tell them apart, while
            // one change delivered under two event ids shares them.
            keys.Add($"slack:reaction:{inner.StringProperty("type")}:{inner.StringProperty("user")}:{reaction}:{item.StringProperty("channel")}:{item.StringProperty("ts")}:{eventTs}");
        }

        return keys;
    }

    private static List<string> InteractionKeys(JsonElement payload)
    {
        if (payload.StringProperty("trigger_id") is { Length: > 0 } trigger)
        {
            return [$"slack:interaction:{trigger}"];
        }

        var user = payload.ObjectProperty("user")?.StringProperty("id");
        var actionTs = FirstActionTs(payload);
        return user is not null && actionTs is not null ? [$"slack:interaction:{user}:{actionTs}"] : [];
    }

    private static string? FirstActionTs(JsonElement payload) =>
        payload.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array && actions.GetArrayLength() > 0
            ? actions[0].StringProperty("action_ts")
            : null;
}
