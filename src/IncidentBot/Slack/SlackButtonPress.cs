using System.Text.Json;

namespace IncidentBot.Slack;

/// <summary>
/// A button press from a <c>block_actions</c> payload. Our action ids are <c>&lt;action&gt;:&lt;value&gt;</c> (Slack
/// wants them unique within a message), so the action is the part before the colon.
/// </summary>
internal sealed record SlackButtonPress(string User, string Channel, string? ResponseUrl, string Action, string Value, string? TriggerId)
{
    public static string? UserOf(JsonElement payload) =>
        payload.TryGetProperty("user", out var user) ? Text(user, "id") : null;

    public static SlackButtonPress? Read(JsonElement payload)
    {
        if (Text(payload, "type") != "block_actions"
            || !payload.TryGetProperty("user", out var user) || Text(user, "id") is not { } userId
            || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
        {
            return null;
        }

        var action = actions[0];
        var actionId = Text(action, "action_id") ?? "";
        var channel = payload.TryGetProperty("container", out var container) ? Text(container, "channel_id") : null;
        channel ??= payload.TryGetProperty("channel", out var ch) ? Text(ch, "id") : null;
        return new SlackButtonPress(
            userId,
            channel ?? userId,
            Text(payload, "response_url"),
            actionId.Split(':', 2)[0],
            Text(action, "value") ?? "",
            Text(payload, "trigger_id"));
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
