namespace IncidentBot.Core.Replies;

/// <summary>
/// Edits and deletions that arrived before the reply they change (Slack does not promise to deliver a thread's events
/// in order), kept until the reply is recorded. Implemented by the host over SQLite or PostgreSQL.
/// </summary>
public interface IPendingReplyChanges
{
    Task Keep(long incidentNumber, ReplyChange change, CancellationToken ct);

    /// <summary>
    /// The changes kept for the replies <paramref name="messageIds"/>. Their order does not matter: an edit older than
    /// the reply's latest is ignored, and an edit leaves a deletion in place.
    /// </summary>
    Task<IReadOnlyList<ReplyChange>> Find(long incidentNumber, IReadOnlyCollection<string> messageIds, CancellationToken ct);

    /// <summary>
    /// Keeps the changes of these replies no longer. Called once they are applied, so a crash in between applies them
    /// again when the request is retried, instead of losing a deletion.
    /// </summary>
    Task Forget(long incidentNumber, IReadOnlyCollection<string> messageIds, CancellationToken ct);
}

/// <summary>A change to a reply: its new text as edited at <see cref="EditedAt"/>, or, when <see cref="Text"/> is null, its deletion.</summary>
public sealed record ReplyChange(string MessageId, string? Text, DateTimeOffset? EditedAt)
{
    public bool IsDeletion => Text is null;
}
