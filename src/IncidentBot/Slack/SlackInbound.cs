using System.Text;
using System.Text.Json;

namespace IncidentBot.Slack;

/// <summary>
/// Tells apart what arrives at the one Request URL: Events API JSON, slash-command forms and interactivity forms.
/// Garbage becomes <see cref="SlackUnrecognized"/>; nothing here throws on input.
/// </summary>
internal static class SlackInbound
{
    public static SlackRequest Parse(string? contentType, ReadOnlySpan<byte> body)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim() ?? "";
        if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return SlackJson.TryParse(body, out var root) ? FromJson(root) : new SlackUnrecognized("body is not valid JSON");
        }

        if (IsForm(contentType))
        {
            return FromForm(FormFields.Parse(body));
        }

        return new SlackUnrecognized($"unsupported content type '{contentType}'");
    }

    /// <summary>An Events API body: <c>url_verification</c> or <c>event_callback</c> (also a Socket Mode <c>events_api</c> payload).</summary>
    public static SlackRequest FromJson(JsonElement root)
    {
        var type = root.StringProperty("type");
        switch (type)
        {
            case "url_verification":
                var challenge = root.StringProperty("challenge");
                return challenge is null ? new SlackUnrecognized("url_verification without a challenge") : new SlackUrlVerification(challenge);
            case "event_callback":
                var eventId = root.StringProperty("event_id");
                var inner = root.ObjectProperty("event");
                if (string.IsNullOrEmpty(eventId) || inner is null)
                {
                    return new SlackUnrecognized("event_callback without event_id or event");
                }

                return new SlackEventCallback(eventId, root.StringProperty("api_app_id"), BotUserId(root), inner.Value.Clone(), root.StringProperty("team_id"));
            default:
                return new SlackUnrecognized(type is null ? "JSON without a type" : $"unsupported type '{type}'");
        }
    }

    /// <summary>Form fields (or a Socket Mode <c>slash_commands</c> payload flattened to strings).</summary>
    public static SlackRequest FromForm(IReadOnlyDictionary<string, string> fields)
    {
        if (fields.GetValueOrDefault("ssl_check") == "1")
        {
            return new SlackSslCheck();
        }

        if (fields.TryGetValue("payload", out var payload))
        {
            return SlackJson.TryParse(Encoding.UTF8.GetBytes(payload), out var root) && root.ValueKind == JsonValueKind.Object
                ? new SlackInteraction(root.Clone())
                : new SlackUnrecognized("interactivity payload is not a JSON object");
        }

        if (!fields.TryGetValue("command", out var command))
        {
            return new SlackUnrecognized(fields.Count == 0 ? "empty form" : "form without command or payload");
        }

        var teamId = fields.GetValueOrDefault("team_id");
        var channelId = fields.GetValueOrDefault("channel_id");
        var userId = fields.GetValueOrDefault("user_id");
        if (string.IsNullOrEmpty(command) || string.IsNullOrEmpty(teamId) || string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(userId))
        {
            return new SlackUnrecognized("slash command without command, team_id, channel_id or user_id");
        }

        return new SlackSlashCommand(
            command,
            fields.GetValueOrDefault("text") ?? "",
            teamId,
            channelId,
            userId,
            NullIfEmpty(fields.GetValueOrDefault("response_url")),
            NullIfEmpty(fields.GetValueOrDefault("trigger_id")),
            NullIfEmpty(fields.GetValueOrDefault("api_app_id")),
            NullIfEmpty(fields.GetValueOrDefault("channel_name")));
    }

    public static IReadOnlyList<string> DedupeKeys(SlackRequest request) => SlackDedupe.Keys(request);

    // Only an authorization that is a bot says who "we" are; a user-token installation would name a person.
    private static string? BotUserId(JsonElement root) =>
        root.TryGetProperty("authorizations", out var list) && list.ValueKind == JsonValueKind.Array
        && list.GetArrayLength() > 0 && list[0].IsTrue("is_bot")
            ? list[0].StringProperty("user_id")
            : null;

    /// <summary>A form post: a slash command, an interaction, or Slack's unsigned certificate probe.</summary>
    public static bool IsForm(string? contentType) =>
        (contentType?.Split(';', 2)[0].Trim() ?? "").Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
