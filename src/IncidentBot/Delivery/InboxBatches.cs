using System.Collections.Concurrent;
using IncidentBot.Persistence;

namespace IncidentBot.Delivery;

/// <summary>
/// Group commit for the acknowledgement path. Each request waits for its own row to be committed (acknowledged means
/// stored), but the rows of everyone waiting are written in one transaction by whichever request gets a writer first:
/// one commit per batch instead of per request. SQLite has one writer (its single write lock); PostgreSQL has
/// <see cref="PostgresWriters"/>, so one batch's round trips overlap another's and the connections that store
/// acknowledgements stay few whatever the load. How rows are written, duplicates included:
/// <see cref="SqliteInboxWriter"/>, <see cref="PostgresInboxWriter"/>.
/// A request is refused at once (<see cref="InboxFullException"/>) rather than answered after Slack gave up when
/// <c>maxWaiting</c> requests are already waiting, or the oldest has waited longer than <c>maxWait</c>.
/// </summary>
internal sealed class InboxBatches(IInboxRowWriter rows, int writerCount, TimeProvider clock, int maxWaiting, TimeSpan maxWait) : IDisposable
{
    /// <summary>Batches written to PostgreSQL at once, each on its own connection.</summary>
    public const int PostgresWriters = 3;

    /// <summary>Large enough to absorb a burst in one commit, small enough that one transaction stays short.</summary>
    private const int MaxBatch = 500;

    private readonly ConcurrentQueue<Waiting> queue = new();
    private readonly SemaphoreSlim writers = new(writerCount, writerCount);
    private int waiting;

    public static InboxBatches For(Database database, TimeProvider clock, int maxWaiting, TimeSpan maxWait) =>
        database.Provider == StorageProvider.Postgres
            ? new InboxBatches(new PostgresInboxWriter(database), PostgresWriters, clock, maxWaiting, maxWait)
            : new InboxBatches(new SqliteInboxWriter(database), 1, clock, maxWaiting, maxWait);

    /// <summary>The new row's id, or null when one of its keys was seen before (nothing stored).</summary>
    public async Task<long?> Add(NewInboxRow row, CancellationToken ct)
    {
        if (Interlocked.Increment(ref waiting) > maxWaiting || (queue.TryPeek(out var oldest) && clock.GetElapsedTime(oldest.Since) > maxWait))
        {
            Interlocked.Decrement(ref waiting);
            throw new InboxFullException(maxWaiting, maxWait);
        }

        var mine = new Waiting(row, clock.GetTimestamp());
        queue.Enqueue(mine);
        while (!mine.Taken)
        {
            // Not the request's token: once queued, a row is written even if its sender stopped waiting, and every
            // queued request takes its turn as a writer until a batch has taken its row, so the queue always drains.
            await writers.WaitAsync(CancellationToken.None);
            try
            {
                if (!mine.Taken)
                {
                    // Not cancelled by this request's token: the batch holds other requests' rows too.
                    await WriteBatch(CancellationToken.None);
                }
            }
            finally
            {
                writers.Release();
            }
        }

        return await mine.Stored.Task;
    }

    private async Task WriteBatch(CancellationToken ct)
    {
        var batch = new List<Waiting>(Math.Min(queue.Count, MaxBatch));
        while (batch.Count < MaxBatch && queue.TryDequeue(out var next))
        {
            next.Take();
            batch.Add(next);
        }

        Interlocked.Add(ref waiting, -batch.Count);
        try
        {
            var ids = await rows.Store([.. batch.Select(w => w.Row)], ct);
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

    public void Dispose()
    {
        (rows as IDisposable)?.Dispose();
        writers.Dispose();
    }

    /// <summary><paramref name="Since"/>: when it was queued (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    private sealed record Waiting(NewInboxRow Row, long Since)
    {
        private int taken;

        public TaskCompletionSource<long?> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>A batch has the row: its writer completes <see cref="Stored"/>, and the request only waits.</summary>
        public bool Taken => Volatile.Read(ref taken) == 1;

        public void Take() => Volatile.Write(ref taken, 1);
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
