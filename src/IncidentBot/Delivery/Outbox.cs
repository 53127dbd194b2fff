using Dapper;
using IncidentBot.Persistence;

namespace IncidentBot.Delivery;

/// <summary>
/// Outbound messages stored first and delivered with retries, so an outage of Slack delays messages but never drops
/// them. Within one ordering key (a thread, a channel) messages go out strictly one after the other.
/// </summary>
internal sealed class Outbox(Database database, TimeProvider clock)
{
    // The first pending message of its ordering key: nothing older in the same key is still waiting.
    private const string IsHead = """
        o.platform = @platform AND o.status = 'pending'
        AND NOT EXISTS (
            SELECT 1 FROM outbox p
            WHERE p.status = 'pending' AND p.ordering_key = o.ordering_key AND p.platform = o.platform AND p.id < o.id)
        """;

    /// <summary>Stores the message unless one with the same key exists; says whether it was added.</summary>
    public async Task<bool> Enqueue(OutboxDraft draft, CancellationToken ct)
    {
        var now = DbTime.ToDb(clock.GetUtcNow());
        return await Execute(
            """
            INSERT INTO outbox (platform, message_key, ordering_key, kind, payload, incident_number, status, attempts, next_attempt_at, created_at)
            VALUES (@Platform, @MessageKey, @OrderingKey, @Kind, @Payload, @IncidentNumber, 'pending', 0, @now, @now)
            ON CONFLICT (message_key) DO NOTHING
            """,
            new { draft.Platform, draft.MessageKey, draft.OrderingKey, draft.Kind, draft.Payload, draft.IncidentNumber, now },
            ct) == 1;
    }

    /// <summary>Messages to send now: the head of each ordering key, if its time has come, oldest first.</summary>
    public Task<IReadOnlyList<OutboxMessage>> Due(string platform, int max, CancellationToken ct) => Query(
        $"SELECT {OutboxRow.Columns} FROM outbox o WHERE {IsHead} AND o.next_attempt_at <= @now ORDER BY o.id LIMIT @max",
        new { platform, max, now = DbTime.ToDb(clock.GetUtcNow()) },
        ct);

    public Task MarkSent(long id, string? result, CancellationToken ct) => Execute(
        "UPDATE outbox SET status = 'sent', sent_at = @now, result = @result WHERE id = @id",
        new { id, result, now = DbTime.ToDb(clock.GetUtcNow()) },
        ct);

    public Task Reschedule(long id, DateTimeOffset notBefore, string error, CancellationToken ct) => Execute(
        "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = @notBefore, last_error = @error WHERE id = @id",
        new { id, error, notBefore = DbTime.ToDb(notBefore) },
        ct);

    /// <summary>Gives up on the message (kept, with its error) and so lets the next one in its ordering key go.</summary>
    public Task MarkFailed(long id, string error, CancellationToken ct) => Execute(
        "UPDATE outbox SET status = 'failed', last_error = @error WHERE id = @id",
        new { id, error },
        ct);

    /// <summary>
    /// When <see cref="Due"/> will next have something, null when nothing is pending. Only heads count: a message
    /// queued behind a rescheduled one is not sendable at its own time, and counting it would wake the sender early.
    /// </summary>
    public async Task<DateTimeOffset?> NextAttemptAt(string platform, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var next = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT MIN(o.next_attempt_at) FROM outbox o WHERE {IsHead}", new { platform }, cancellationToken: ct));
        return DbTime.FromDb(next);
    }

    /// <summary>Every pending message of the platform, oldest first, whether due or not.</summary>
    public Task<IReadOnlyList<OutboxMessage>> Pending(string platform, CancellationToken ct) => Query(
        $"SELECT {OutboxRow.Columns} FROM outbox o WHERE o.platform = @platform AND o.status = 'pending' ORDER BY o.id",
        new { platform },
        ct);

    private async Task<IReadOnlyList<OutboxMessage>> Query(string sql, object args, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(sql, args, cancellationToken: ct));
        return [.. rows.Select(r => r.ToMessage())];
    }

    private async Task<int> Execute(string sql, object args, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
    }
}
