using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Support;

/// <summary>
/// Socket Mode envelopes shaped like the real samples (slack-socket-mode-envelope-*.json): the same payloads the HTTP
/// tests post, wrapped with an envelope id.
/// </summary>
internal static class SocketEnvelopes
{
    public static JsonObject SlashCommand(string text, string user = "U0ALICE", string channel = "C0OPS", string? triggerId = null)
    {
        var fields = new JsonObject();
        foreach (var pair in SlackPayloads.SlashCommand(text, user, channel, null, triggerId).Split('&'))
        {
            var parts = pair.Split('=', 2);
            fields[parts[0]] = Uri.UnescapeDataString(parts[1]);
        }

        return Envelope("slash_commands", fields, acceptsResponsePayload: true);
    }

    public static JsonObject Event(string eventId, JsonObject inner)
    {
        var envelope = Envelope("events_api", JsonNode.Parse(SlackPayloads.EventCallback(eventId, inner))!.AsObject(), acceptsResponsePayload: false);
        envelope["retry_attempt"] = 0;
        envelope["retry_reason"] = "";
        return envelope;
    }

    /// <summary>Like the HTTP tests' interactions, the payload names this bot's workspace and app unless it says otherwise.</summary>
    public static JsonObject Interactive(JsonObject payload)
    {
        payload["team"] ??= new JsonObject { ["id"] = SlackPayloads.TeamId };
        payload["api_app_id"] ??= SlackPayloads.AppId;
        return Envelope("interactive", payload, acceptsResponsePayload: payload["type"]?.GetValue<string>() is "view_submission" or "block_suggestion");
    }

    private static JsonObject Envelope(string type, JsonObject payload, bool acceptsResponsePayload) => new()
    {
        ["envelope_id"] = Guid.NewGuid().ToString(),
        ["payload"] = payload,
        ["type"] = type,
        ["accepts_response_payload"] = acceptsResponsePayload,
    };
}
