using Dapper;
using IncidentBot.Core.Replies;

namespace IncidentBot.Persistence;

/// <summary>The core's waiting edits and deletions (migration 009), over plain SQL for both databases.</summary>
internal sealed class SqlPendingReplyChanges(Database database) : IPendingReplyChanges
{
    public async Task Keep(long incidentNumber, ReplyChange change, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO pending_reply_changes (incident_id, message_id, text, edited_at) VALUES (@incidentNumber, @MessageId, @Text, @editedAt)",
            new { incidentNumber, change.MessageId, change.Text, editedAt = DbTime.ToDb(change.EditedAt) },
            cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ReplyChange>> Find(long incidentNumber, IReadOnlyCollection<string> messageIds, CancellationToken ct)
    {
        // Nearly always there is nothing kept, and a read finds that out without waiting for SQLite's single writer.
        await using var connection = await database.Open(ct);
        var rows = await connection.QueryAsync<PendingRow>(new CommandDefinition(
            $"SELECT message_id AS MessageId, text AS Text, edited_at AS EditedAt FROM pending_reply_changes WHERE {Where()}",
            Args(incidentNumber, messageIds),
            cancellationToken: ct));
        return [.. rows.Select(r => new ReplyChange(r.MessageId, r.Text, DbTime.FromDb(r.EditedAt)))];
    }

    public async Task Forget(long incidentNumber, IReadOnlyCollection<string> messageIds, CancellationToken ct)
    {
        // Only requests of the same thread keep changes for its replies, and they are handled one at a time (the
        // inbox's ordering), so nothing is kept for these replies between Find and this delete.
        await using var connection = await database.Open(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM pending_reply_changes WHERE {Where()}", Args(incidentNumber, messageIds), cancellationToken: ct));
    }

    private string Where() => $"incident_id = @incidentNumber AND {SqlLists.In(database.Provider, "message_id", "messageIds")}";

    private object Args(long incidentNumber, IReadOnlyCollection<string> messageIds) =>
        new { incidentNumber, messageIds = SqlLists.Values(database.Provider, messageIds.ToArray()) };

    /// <summary>A row as Dapper reads it (setters, not a record: see IncidentRow).</summary>
    private sealed class PendingRow
    {
        public string MessageId { get; set; } = "";

        public string? Text { get; set; }

        public long? EditedAt { get; set; }
    }
}
