using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using IncidentBot.Persistence;

namespace IncidentBot.Delivery;

/// <summary>
/// Group commit for the acknowledgement path on SQLite. Each request waits for its own row to be committed
/// (acknowledged means stored), but the rows of everyone waiting are written in one transaction by whichever request
/// gets the writer first: one commit per batch instead of per request, so a storm does not queue on SQLite's single
/// writer. Each row has its own savepoint, so a duplicate undoes only itself. PostgreSQL takes concurrent
/// transactions from its connection pool and groups its own WAL flushes, so there each request commits alone.
/// A request is refused at once (<see cref="InboxFullException"/>) rather than answered after Slack gave up when
/// <c>maxWaiting</c> requests are already waiting, or the oldest has waited longer than <c>maxWait</c>.
/// </summary>
internal sealed class InboxBatches(Database database, TimeProvider clock, int maxWaiting, TimeSpan maxWait) : IDisposable
{
    /// <summary>Large enough to absorb a burst in one commit, small enough that one transaction stays short.</summary>
    private const int MaxBatch = 500;

    private readonly ConcurrentQueue<Waiting> queue = new();
    private readonly SemaphoreSlim writer = new(1, 1);
    private int waiting;

    /// <summary>The new row's id, or null when one of its keys was seen before (nothing stored).</summary>
    public async Task<long?> Add(NewInboxRow row, CancellationToken ct)
    {
        if (Interlocked.Increment(ref waiting) > maxWaiting || (queue.TryPeek(out var oldest) && clock.GetElapsedTime(oldest.Since) > maxWait))
        {
            Interlocked.Decrement(ref waiting);
            throw new InboxFullException(maxWaiting, maxWait);
        }

        if (database.Provider == StorageProvider.Postgres)
        {
            try
            {
                return (await Store([new Waiting(row, 0)], savepoints: false, ct))[0];
            }
            finally
            {
                Interlocked.Decrement(ref waiting);
            }
        }

        var mine = new Waiting(row, clock.GetTimestamp());
        queue.Enqueue(mine);
        while (!mine.Stored.Task.IsCompleted)
        {
            // Not the request's token: once queued, a row is written even if its sender stopped waiting, and every
            // queued request takes its turn as the writer, so the queue always drains.
            await writer.WaitAsync(CancellationToken.None);
            try
            {
                if (!mine.Stored.Task.IsCompleted)
                {
                    // Not cancelled by this request's token: the batch holds other requests' rows too.
                    await WriteBatch(CancellationToken.None);
                }
            }
            finally
            {
                writer.Release();
            }
        }

        return await mine.Stored.Task;
    }

    private async Task WriteBatch(CancellationToken ct)
    {
        var batch = new List<Waiting>(Math.Min(queue.Count, MaxBatch));
        while (batch.Count < MaxBatch && queue.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        Interlocked.Add(ref waiting, -batch.Count);
        try
        {
            var ids = await Store(batch, savepoints: true, ct);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Stored.SetResult(ids[i]);
            }
        }
        catch (Exception e)
        {
            // Nothing of the batch was committed: every request in it is refused, and Slack sends it again.
            batch.ForEach(w => w.Stored.TrySetException(e));
        }
    }

    /// <summary>Without savepoints (one row), a duplicate rolls the whole transaction back.</summary>
    private async Task<long?[]> Store(List<Waiting> batch, bool savepoints, CancellationToken ct)
    {
        var ids = new long?[batch.Count];
        await using var connection = await database.Open(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        for (var i = 0; i < batch.Count; i++)
        {
            if (savepoints)
            {
                await tx.SaveAsync("row", ct);
            }

            ids[i] = await TryInsert(connection, tx, batch[i].Row, ct);
            if (ids[i] is null && !savepoints)
            {
                await tx.RollbackAsync(ct);
                return ids;
            }

            if (savepoints)
            {
                await (ids[i] is null ? tx.RollbackAsync("row", ct) : tx.ReleaseAsync("row", ct));
            }
        }

        await tx.CommitAsync(ct);
        return ids;
    }

    private static async Task<long?> TryInsert(DbConnection connection, DbTransaction tx, NewInboxRow row, CancellationToken ct)
    {
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO inbox (platform, kind, body, received_at, status, attempts, not_before, ordering_key)
            VALUES (@Platform, @Kind, @Body, @ReceivedAt, 'pending', 0, @ReceivedAt, @OrderingKey)
            RETURNING id
            """,
            row,
            tx,
            cancellationToken: ct));

        // Distinct, or a key repeated in one request would look like a duplicate of itself.
        foreach (var key in row.DedupeKeys.Distinct(StringComparer.Ordinal))
        {
            var added = await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO inbox_keys (key, inbox_id) VALUES (@key, @id) ON CONFLICT (key) DO NOTHING",
                new { key, id },
                tx,
                cancellationToken: ct));
            if (added == 0)
            {
                return null;
            }
        }

        return id;
    }

    public void Dispose() => writer.Dispose();

    /// <summary><paramref name="Since"/>: when it was queued (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    private sealed record Waiting(NewInboxRow Row, long Since)
    {
        public TaskCompletionSource<long?> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>A request to store, as <see cref="Inbox.TryAdd"/> was given it.</summary>
internal sealed record NewInboxRow(
    string Platform, string Kind, string Body, long ReceivedAt, string? OrderingKey, IReadOnlyCollection<string> DedupeKeys);

/// <summary>
/// More requests are waiting to be stored than can be stored in time: the request is refused now (503 with
/// Retry-After, which Slack and the Bot Connector retry) instead of being acknowledged after Slack's deadline.
/// </summary>
internal sealed class InboxFullException(int maxWaiting, TimeSpan maxWait)
    : Exception($"more than {maxWaiting} requests are waiting to be stored, or one has waited over {maxWait.TotalMilliseconds:0} ms; this one was refused so the others are answered in time")
{
    public const string RetryAfterSeconds = "1";
}
