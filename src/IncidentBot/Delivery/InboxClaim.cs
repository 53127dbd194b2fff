using System.Data.Common;
using Dapper;
using IncidentBot.Persistence;

namespace IncidentBot.Delivery;

/// <summary>
/// Claims a batch of stored requests in one short transaction: the oldest claimable heads (the first unfinished request
/// of each thread, or a request outside any thread), and behind each head the run of its thread's next requests. A
/// thread's requests are claimed only as a run from its head, so they stay strictly in order whoever claims them.
/// </summary>
/// <remarks>
/// Only requests never claimed before go into a batch of several: a request claimed before (retried, or taken over from
/// a crashed run) is claimed alone, so a request that crashes the process costs its neighbours at most one attempt.
/// On PostgreSQL the heads are locked with <c>FOR UPDATE SKIP LOCKED</c>, and a thread's run is taken only by whoever
/// holds its head: two instances never claim parts of one thread at once. On SQLite the batch is chosen before the
/// transaction (<c>BEGIN IMMEDIATE</c>, which takes the write lock) and claimed in it only if none of it changed
/// meanwhile; otherwise it is chosen again inside the transaction, where claims are exclusive.
/// </remarks>
internal sealed class InboxClaim(Database database, DeliveryRuns runs, DeliveryRun run, TimeProvider clock)
{
    /// <summary>How far past the oldest head (in ids) other heads are looked for, per request of the batch: bounds the scan.</summary>
    private const int HeadWindowPerRow = 4;

    // Built once: a busy worker claims many times a second.
    private readonly string firstHeadSql = InboxClaimSql.FirstHead(database.Provider);
    private readonly string headsSql = InboxClaimSql.Heads(database.Provider);
    private readonly string claimSql = $"""
        UPDATE inbox SET status = 'processing', lease_owner = @me, lease_until = @leaseUntil, attempts = attempts + 1
        WHERE id IN ({InboxClaimSql.StillClaimable(database.Provider)})
        RETURNING {InboxRow.Columns}
        """;

    /// <summary>Up to <paramref name="max"/> requests, in id order, leased to this run with their attempts counted now.</summary>
    public async Task<IReadOnlyList<InboxItem>> Claim(TimeSpan lease, int max, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var nowDb = DbTime.ToDb(now);
        var args = new DynamicParameters(new { now = nowDb, me = run.RunId, aliveSince = runs.AliveSince(now), leaseUntil = DbTime.ToDb(now + lease) });
        await using var connection = await database.Open(ct);
        if (database.Provider == StorageProvider.Sqlite && await ClaimChosenBeforeLocking(connection, args, nowDb, max, ct) is { } claimed)
        {
            return claimed;
        }

        await using var tx = await connection.BeginTransactionAsync(ct);
        var chosen = await Choose(connection, tx, args, nowDb, max, ct);
        if (chosen.Count == 0)
        {
            return [];
        }

        var items = await Update(connection, tx, args, chosen, ct);
        await tx.CommitAsync(ct);
        return items;
    }

    /// <summary>
    /// On SQLite the claim's transaction holds the file's one write lock, which every batch of acknowledgements waits
    /// for; choosing the batch inside it (four or five queries) made it the longest transaction the bot ran in a storm
    /// (0.6 ms on average at 1,000 thread replies/s, against 0.13-0.17 ms for a batch of acknowledgements). In WAL mode
    /// a read takes no lock, so the batch is chosen first from what is committed, and the transaction only updates it.
    /// If a chosen request was claimed meanwhile (by another process on the same file: this one has one claimer), the
    /// update finds it changed and nothing is claimed: null, and the caller chooses again inside the transaction. Empty
    /// when there is nothing to claim.
    /// </summary>
    private async Task<IReadOnlyList<InboxItem>?> ClaimChosenBeforeLocking(DbConnection connection, DynamicParameters args, long now, int max, CancellationToken ct)
    {
        var chosen = await Choose(connection, null, args, now, max, ct);
        if (chosen.Count == 0)
        {
            return [];
        }

        if (AfterChoosing is { } pause)
        {
            await pause(ct);
        }

        await using var tx = await connection.BeginTransactionAsync(ct);
        var items = await Update(connection, tx, args, chosen, ct);
        var unchanged = chosen.ToDictionary(c => c.Id, c => c.Attempts + 1);
        if (items.Count != chosen.Count || !items.All(i => unchanged.GetValueOrDefault(i.Id) == i.Attempts))
        {
            await tx.RollbackAsync(ct);
            return null;
        }

        await tx.CommitAsync(ct);
        return items;
    }

    /// <summary>For tests: runs between choosing a batch outside the lock and claiming it, as another process might.</summary>
    internal Func<CancellationToken, Task>? AfterChoosing { get; set; }

    /// <summary>Claims the chosen requests that are still claimable; the claimed ones, in id order.</summary>
    private async Task<List<InboxItem>> Update(DbConnection connection, DbTransaction tx, DynamicParameters args, List<Candidate> chosen, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<InboxRow>(new CommandDefinition(
            claimSql,
            With(args, new { ids = SqlLists.Values(database.Provider, chosen.Select(c => c.Id).ToArray()) }),
            tx,
            cancellationToken: ct));
        return [.. rows.Select(r => r.ToItem()).OrderBy(i => i.Id)];
    }

    /// <summary>The batch: the oldest claimable heads and each one's run, with the attempts each had when chosen.</summary>
    private async Task<List<Candidate>> Choose(DbConnection connection, DbTransaction? tx, DynamicParameters args, long now, int max, CancellationToken ct)
    {
        var first = await FirstHead(connection, tx, args, ct);
        if (first is null)
        {
            return [];
        }

        var heads = (await connection.QueryAsync<Candidate>(new CommandDefinition(
            headsSql,
            With(args, new { first, window = first + ((long)max * HeadWindowPerRow), max }),
            tx,
            cancellationToken: ct))).ToList();
        if (heads is [{ Attempts: > 0 } retried, ..])
        {
            return [retried];
        }

        var chosen = heads.TakeWhile(h => h.Attempts == 0).ToList();
        foreach (var head in chosen.Where(h => h.OrderingKey is not null).ToList())
        {
            if (chosen.Count >= max)
            {
                break;
            }

            chosen.AddRange(await RunBehind(connection, tx, head, max - chosen.Count, now, ct));
        }

        return chosen;
    }

    private Task<long?> FirstHead(DbConnection connection, DbTransaction? tx, DynamicParameters args, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long?>(new CommandDefinition(firstHeadSql, args, tx, cancellationToken: ct));

    /// <summary>The thread's next requests after its head, up to the first one claimed before (or not due yet).</summary>
    private static async Task<IEnumerable<Candidate>> RunBehind(
        DbConnection connection, DbTransaction? tx, Candidate head, int room, long now, CancellationToken ct)
    {
        var next = await connection.QueryAsync<Candidate>(new CommandDefinition(
            InboxClaimSql.RunBehind,
            new { key = head.OrderingKey, head = head.Id, room },
            tx,
            cancellationToken: ct));
        return next.TakeWhile(c => c is { Attempts: 0, Status: "pending" } && c.NotBefore <= now);
    }

    private static DynamicParameters With(DynamicParameters shared, object more)
    {
        var parameters = new DynamicParameters(shared);
        parameters.AddDynamicParams(more);
        return parameters;
    }

    private sealed class Candidate
    {
        public long Id { get; set; }

        public string? OrderingKey { get; set; }

        public int Attempts { get; set; }

        public string Status { get; set; } = "";

        public long NotBefore { get; set; }
    }
}
