using System.Text.Json;

namespace IncidentBot.Slack;

/// <summary>
/// A button press from a <c>block_actions</c> payload. Our action ids are <c>&lt;action&gt;:&lt;value&gt;</c> (Slack
/// wants them unique within a message), so the action is the part before the colon. <see cref="InView"/>: pressed in
/// the Home tab or a modal, where there is no channel to answer in.
/// </summary>
internal sealed record SlackButtonPress(string User, string Channel, string? ResponseUrl, string Action, string Value, string? TriggerId, bool InView = false)
{
    public static string? UserOf(JsonElement payload) =>
        payload.ObjectProperty("user")?.StringProperty("id");

    public static SlackButtonPress? Read(JsonElement payload)
    {
        if (payload.StringProperty("type") != "block_actions"
            || UserOf(payload) is not { } userId
            || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
        {
            return null;
        }

        var action = actions[0];
        var actionId = action.StringProperty("action_id") ?? "";
        var channel = payload.ObjectProperty("container")?.StringProperty("channel_id") ?? payload.ObjectProperty("channel")?.StringProperty("id");
        return new SlackButtonPress(
            userId,
            channel ?? userId,
            payload.StringProperty("response_url"),
            actionId.Split(':', 2)[0],
            action.StringProperty("value") ?? "",
            payload.StringProperty("trigger_id"),
            payload.ObjectProperty("container")?.StringProperty("type") == "view");
    }
}
