using Dapper;
using IncidentBot.Persistence;

namespace IncidentBot.Delivery;

/// <summary>
/// Inbound requests stored before they are acknowledged, so a crash after the acknowledgement loses nothing.
/// Rows are claimed with a lease: a worker that dies leaves its row to be claimed again once the lease expires.
/// </summary>
internal sealed class Inbox(Database database, TimeProvider clock)
{
    private const string Claimable =
        "((status = 'pending' AND not_before <= @now) OR (status = 'processing' AND lease_until <= @now))";

    /// <summary>Stores the request unless any of its keys was seen before; null for a duplicate (nothing stored).</summary>
    public async Task<long?> TryAdd(string platform, string kind, string body, IReadOnlyCollection<string> dedupeKeys, CancellationToken ct)
    {
        var now = DbTime.ToDb(clock.GetUtcNow());
        await using var connection = await database.Open(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO inbox (platform, kind, body, received_at, status, attempts, not_before)
            VALUES (@platform, @kind, @body, @now, 'pending', 0, @now)
            RETURNING id
            """,
            new { platform, kind, body, now },
            tx,
            cancellationToken: ct));

        // Distinct, or a key repeated in one request would look like a duplicate of itself.
        foreach (var key in dedupeKeys.Distinct(StringComparer.Ordinal))
        {
            var added = await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO inbox_keys (key, inbox_id) VALUES (@key, @id) ON CONFLICT (key) DO NOTHING",
                new { key, id },
                tx,
                cancellationToken: ct));
            if (added == 0)
            {
                await tx.RollbackAsync(ct);
                return null;
            }
        }

        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>The oldest claimable row, leased to the caller; null when there is nothing to do.</summary>
    public async Task<InboxItem?> ClaimNext(TimeSpan lease, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        while (true)
        {
            var now = DbTime.ToDb(clock.GetUtcNow());
            var candidate = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                $"SELECT id FROM inbox WHERE {Claimable} ORDER BY id LIMIT 1", new { now }, cancellationToken: ct));
            if (candidate is not { } id)
            {
                return null;
            }

            // The condition is repeated so that, when another instance claimed the row first, this updates nothing
            // (PostgreSQL re-checks it against the committed row) and we try the next candidate.
            var row = await connection.QueryFirstOrDefaultAsync<InboxRow>(new CommandDefinition(
                $"""
                UPDATE inbox SET status = 'processing', lease_until = @leaseUntil
                WHERE id = @id AND {Claimable}
                RETURNING {InboxRow.Columns}
                """,
                new { id, now, leaseUntil = now + (long)lease.TotalMilliseconds },
                cancellationToken: ct));
            if (row is not null)
            {
                return row.ToItem();
            }
        }
    }

    public Task Complete(long id, CancellationToken ct) => Execute(
        "UPDATE inbox SET status = 'done', done_at = @now, lease_until = NULL WHERE id = @id",
        new { id, now = DbTime.ToDb(clock.GetUtcNow()) },
        ct);

    public Task Retry(long id, string error, DateTimeOffset notBefore, CancellationToken ct) => Execute(
        """
        UPDATE inbox SET status = 'pending', attempts = attempts + 1, not_before = @notBefore, last_error = @error, lease_until = NULL
        WHERE id = @id
        """,
        new { id, error, notBefore = DbTime.ToDb(notBefore) },
        ct);

    /// <summary>Gives up on the row; it stays in the table, with its error, for someone to inspect.</summary>
    public Task Fail(long id, string error, CancellationToken ct) => Execute(
        "UPDATE inbox SET status = 'failed', last_error = @error, done_at = @now, lease_until = NULL WHERE id = @id",
        new { id, error, now = DbTime.ToDb(clock.GetUtcNow()) },
        ct);

    /// <summary>Rows not finished yet: pending, or being processed.</summary>
    public async Task<int> Pending(CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM inbox WHERE status IN ('pending', 'processing')", cancellationToken: ct));
    }

    private async Task Execute(string sql, object args, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
    }
}
