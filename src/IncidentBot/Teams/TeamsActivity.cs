using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentBot.Teams;

/// <summary>
/// A Bot Framework activity, only the fields this bot reads (protocols.md T1). Unknown fields and types are ignored,
/// so a new Teams feature never breaks parsing.
/// </summary>
internal sealed record TeamsActivity
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { NumberHandling = JsonNumberHandling.AllowReadingFromString };

    public string? Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public TeamsAccount? From { get; init; }

    public TeamsAccount? Recipient { get; init; }

    public TeamsConversation? Conversation { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<TeamsEntity>? Entities { get; init; }

    public JsonElement? Value { get; init; }

    public string? ReplyToId { get; init; }

    public string? Name { get; init; }

    public TeamsChannelData? ChannelData { get; init; }

    /// <summary>The tenant: the conversation's, else channelData's (present in every Teams context).</summary>
    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;

    /// <summary>The activity, or null when the body is not a JSON object with a type.</summary>
    public static TeamsActivity? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var activity = JsonSerializer.Deserialize<TeamsActivity>(body, Json);
            return activity?.Type is { Length: > 0 } ? activity : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal sealed record TeamsAccount(string? Id, string? Name, string? AadObjectId, string? Role);

internal sealed record TeamsConversation(string? Id, string? ConversationType, string? TenantId, bool? IsGroup);

/// <summary>An entity; only mentions are read (<see cref="Mentioned"/> and <see cref="Text"/>).</summary>
internal sealed record TeamsEntity(string? Type, TeamsAccount? Mentioned, string? Text);

internal sealed record TeamsChannelData(TeamsId? Tenant, TeamsId? Team, TeamsId? Channel, string? EventType);

internal sealed record TeamsId(string? Id);
