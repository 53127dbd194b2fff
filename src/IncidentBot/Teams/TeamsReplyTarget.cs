using System.Text.Json;

namespace IncidentBot.Teams;

/// <summary>
/// The conversation reference of a command, kept in <c>CommandContext.ReplyTo</c>: answers go back into the
/// conversation it came from. Teams has no ephemeral messages in channels, so a channel answer lands in the reply
/// chain of the command; a personal chat is private already.
/// </summary>
internal static class TeamsReplyTarget
{
    public static string Serialize(TeamsReference reference) => JsonSerializer.Serialize(reference, JsonSerializerOptions.Web);

    public static TeamsReference Deserialize(string json) =>
        JsonSerializer.Deserialize<TeamsReference>(json, JsonSerializerOptions.Web)
        ?? throw new JsonException("empty Teams reply target");
}
