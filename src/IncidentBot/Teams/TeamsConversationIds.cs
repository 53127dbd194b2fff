namespace IncidentBot.Teams;

/// <summary>
/// Channel reply chains: a channel message's conversation id is <c>&lt;channel id&gt;;messageid=&lt;root id&gt;</c>,
/// and posting to that id lands in the chain (protocols.md T4). The one place that knows the shape, so the newer
/// "reply to the root activity" style could replace it.
/// </summary>
internal static class TeamsConversationIds
{
    private const string MessageIdMarker = ";messageid=";

    /// <summary>The conversation id without its <c>;messageid=</c> suffix: the channel (or chat) itself.</summary>
    public static string Base(string conversationId)
    {
        var at = conversationId.IndexOf(MessageIdMarker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? conversationId : conversationId[..at];
    }

    /// <summary>The root message id of the reply chain, or null for a conversation that is not a chain.</summary>
    public static string? RootMessageId(string conversationId)
    {
        var at = conversationId.IndexOf(MessageIdMarker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : conversationId[(at + MessageIdMarker.Length)..];
    }

    /// <summary>The conversation id of the reply chain under <paramref name="rootMessageId"/> in <paramref name="channel"/>.</summary>
    public static string Threaded(string channel, string rootMessageId) => $"{Base(channel)}{MessageIdMarker}{rootMessageId}";
}
