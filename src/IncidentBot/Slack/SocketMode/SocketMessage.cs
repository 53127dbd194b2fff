using System.Text.Json;

namespace IncidentBot.Slack.SocketMode;

/// <summary>One message Slack sends over a Socket Mode connection, as <see cref="SocketMessages.Parse"/> read it.</summary>
internal abstract record SocketMessage;

/// <summary>The connection is ready: nothing arrives before it, and it counts as up only after it.</summary>
internal sealed record SocketHello(string? AppId) : SocketMessage;

/// <summary>
/// Slack is about to close the connection: <c>warning</c> (in about 10 s), <c>refresh_requested</c>,
/// <c>link_disabled</c> (Socket Mode was turned off) or <c>too_many_websockets</c>.
/// </summary>
internal sealed record SocketDisconnect(string Reason) : SocketMessage
{
    public const string Warning = "warning";
    public const string RefreshRequested = "refresh_requested";
    public const string LinkDisabled = "link_disabled";
    public const string TooManyWebsockets = "too_many_websockets";

    /// <summary>Slack closes this connection but wants the app connected: open the next one before this one goes.</summary>
    public bool IsRefresh => Reason is Warning or RefreshRequested;
}

/// <summary>A request to acknowledge by its id: <c>events_api</c>, <c>slash_commands</c> or <c>interactive</c>.</summary>
internal sealed record SocketEnvelope(string EnvelopeId, string Type, JsonElement Payload, bool AcceptsResponsePayload) : SocketMessage
{
    public const string Events = "events_api";
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";
}

internal sealed record SocketUnknown(string Reason) : SocketMessage;

internal static class SocketMessages
{
    public static SocketMessage Parse(ReadOnlySpan<byte> utf8)
    {
        if (!SlackJson.TryParse(utf8, out var root) || root.ValueKind != JsonValueKind.Object)
        {
            return new SocketUnknown("not a JSON object");
        }

        var type = root.StringProperty("type");
        if (type == "hello")
        {
            return new SocketHello(root.ObjectProperty("connection_info")?.StringProperty("app_id"));
        }

        if (type == "disconnect")
        {
            return new SocketDisconnect(root.StringProperty("reason") ?? "");
        }

        // Slack may add envelope types; one without an id could not even be acknowledged.
        if (root.StringProperty("envelope_id") is not { Length: > 0 } id)
        {
            return new SocketUnknown(type is null ? "message without a type" : $"'{type}' without an envelope_id");
        }

        return new SocketEnvelope(id, type ?? "", root.ObjectProperty("payload")?.Clone() ?? default, root.IsTrue("accepts_response_payload"));
    }
}
