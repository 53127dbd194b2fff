using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Slack;

/// <summary>What a queued Slack message holds: the rendered message and where it goes.</summary>
internal sealed record SlackOutboxPayload(JsonObject Message, string? Channel = null, string? ResponseUrl = null, string? User = null, string? ThreadTs = null)
{
    /// <summary>The thread's root message; its ts becomes the incident's thread id.</summary>
    public const string PostRoot = "post_root";

    /// <summary>A reply in an incident thread; the thread ts is looked up at delivery, after the root went out.</summary>
    public const string PostInThread = "post_thread";

    /// <summary>A top-level post in a channel named by id (stakeholder channels).</summary>
    public const string PostChannel = "post_channel";

    /// <summary>An ephemeral answer through a slash command's response_url.</summary>
    public const string Respond = "respond";

    /// <summary>An ephemeral answer through chat.postEphemeral.</summary>
    public const string Ephemeral = "ephemeral";

    /// <summary>A direct message: conversations.open for the person's DM channel, then chat.postMessage.</summary>
    public const string DirectMessage = "dm";

    /// <summary>A person's App Home tab (views.publish), built when it is sent; only <see cref="User"/> is stored.</summary>
    public const string PublishHome = "publish_home";

    public string Serialize() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static SlackOutboxPayload Deserialize(string json) =>
        JsonSerializer.Deserialize<SlackOutboxPayload>(json, JsonSerializerOptions.Web)
        ?? throw new JsonException("empty Slack outbox payload");
}
