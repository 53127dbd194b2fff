using System.Text.Json;

namespace IncidentBot.Slack;

/// <summary>
/// How to answer a command's sender privately, kept in <c>CommandContext.ReplyTo</c>: a slash command's
/// response_url, or (for a mention) the channel, user and thread for <c>chat.postEphemeral</c>, or, with no channel
/// (a modal submission), a direct message. <see cref="TriggerId"/> lets a button press open a modal.
/// </summary>
internal sealed record SlackReplyTarget(string? ResponseUrl, string? Channel, string User, string? ThreadTs, string? TriggerId = null)
{
    public string Serialize() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static SlackReplyTarget Deserialize(string json) =>
        JsonSerializer.Deserialize<SlackReplyTarget>(json, JsonSerializerOptions.Web)
        ?? throw new JsonException("empty Slack reply target");
}
