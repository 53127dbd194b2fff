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

    public async Task<IReadOnlyList<ReplyChange>> Take(long incidentNumber, string messageId, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var args = new { incidentNumber, messageId };
        var rows = await connection.QueryAsync<PendingRow>(new CommandDefinition(
            "SELECT text AS Text, edited_at AS EditedAt FROM pending_reply_changes WHERE incident_id = @incidentNumber AND message_id = @messageId",
            args,
            tx,
            cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM pending_reply_changes WHERE incident_id = @incidentNumber AND message_id = @messageId", args, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return [.. rows.Select(r => new ReplyChange(messageId, r.Text, DbTime.FromDb(r.EditedAt)))];
    }

    /// <summary>A row as Dapper reads it (setters, not a record: see IncidentRow).</summary>
    private sealed class PendingRow
    {
        public string? Text { get; set; }

        public long? EditedAt { get; set; }
    }
}
