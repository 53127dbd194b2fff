using System.Text.Json;

namespace IncidentBot.Slack;

/// <summary>One request Slack sends to the Request URL (or over Socket Mode), as <see cref="SlackInbound"/> read it.</summary>
internal abstract record SlackRequest;

internal sealed record SlackUrlVerification(string Challenge) : SlackRequest;

/// <summary>Slack probing the certificate of a slash command URL: answer 200, do nothing.</summary>
internal sealed record SlackSslCheck() : SlackRequest;

/// <summary>A slash command. <see cref="Text"/> is exactly as Slack sent it: decode it with <see cref="SlackText.Decode"/>.</summary>
internal sealed record SlackSlashCommand(
    string Command,
    string Text,
    string TeamId,
    string ChannelId,
    string UserId,
    string? ResponseUrl,
    string? TriggerId,
    string? ApiAppId = null,
    string? ChannelName = null) : SlackRequest;

/// <summary>Block actions, view submissions and shortcuts; <see cref="Payload"/> owns its memory.</summary>
internal sealed record SlackInteraction(JsonElement Payload) : SlackRequest;

/// <summary>An Events API delivery. <see cref="BotUserId"/> is this app's bot user, when Slack says so.</summary>
internal sealed record SlackEventCallback(string EventId, string? ApiAppId, string? BotUserId, JsonElement Event, string? TeamId = null) : SlackRequest;

internal sealed record SlackUnrecognized(string Reason) : SlackRequest;
