using System.Text.Encodings.Web;
using System.Text.Json;

namespace IncidentBot.Core.Replies;

/// <summary>
/// A message from anywhere on the platform, to be added to an incident's timeline: where it is (<see cref="Channel"/>,
/// <see cref="MessageId"/>), who wrote it, when, and what it says (at most <see cref="MaxTextLength"/> characters: it
/// travels in the form's state, and its <see cref="Link"/> leads to the rest). The link is found when it is added.
/// </summary>
public sealed record QuotedMessage(string Channel, string MessageId, string Author, DateTimeOffset At, string Text, string? Link = null)
{
    public const int MaxTextLength = 1000;

    private static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static QuotedMessage Of(string channel, string messageId, string author, DateTimeOffset at, string text) =>
        new(channel, messageId, author, at, text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength - 1), "…"));

    public string Serialize() => JsonSerializer.Serialize(this, Compact);

    /// <summary>Null for anything that is not a serialized quoted message.</summary>
    public static QuotedMessage? Parse(string state)
    {
        try
        {
            return JsonSerializer.Deserialize<QuotedMessage>(state, Compact) is { Channel.Length: > 0, MessageId.Length: > 0, Author: not null, Text: not null } quoted ? quoted : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
