using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Teams;

/// <summary>What a queued Teams message holds: the rendered activity and where it goes.</summary>
internal sealed record TeamsOutboxPayload(JsonObject Activity, string? Channel = null, string? Conversation = null, string? ServiceUrl = null, string? User = null)
{
    /// <summary>The incident's root: a new conversation (reply chain) in the channel, whose id becomes the thread id.</summary>
    public const string CreateConversation = "create_conversation";

    /// <summary>A message in the incident's reply chain, looked up at delivery, after the root went out.</summary>
    public const string PostInThread = "post_thread";

    /// <summary>A new conversation in a channel named by id (stakeholder channels).</summary>
    public const string PostChannel = "post_channel";

    /// <summary>A message in the conversation a command came from (its serviceUrl and id are in the payload).</summary>
    public const string Reply = "reply";

    /// <summary>A direct message: a 1:1 conversation created (or found again) with the person, then the message.</summary>
    public const string DirectMessage = "dm";

    public string Serialize() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static TeamsOutboxPayload Deserialize(string json) =>
        JsonSerializer.Deserialize<TeamsOutboxPayload>(json, JsonSerializerOptions.Web)
        ?? throw new JsonException("empty Teams outbox payload");
}
