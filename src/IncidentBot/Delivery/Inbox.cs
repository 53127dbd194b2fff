using Dapper;
using IncidentBot.Persistence;

namespace IncidentBot.Delivery;

/// <summary>
/// Inbound requests stored before they are acknowledged, so a crash after the acknowledgement loses nothing. A row
/// is claimed with a lease before it is processed, and only the claim's holder may finish it: see <see cref="Claims"/>.
/// </summary>
internal sealed class Inbox(Database database, DeliveryRuns runs, DeliveryRun run, TimeProvider clock, int maxWaiting = Inbox.DefaultMaxWaiting, TimeSpan? maxWait = null) : IDisposable
{
    /// <summary>Requests waiting to be stored before new ones are refused; see <see cref="DeliveryOptions.MaxWaitingAcks"/>.</summary>
    public const int DefaultMaxWaiting = 2000;

    /// <summary>The longest a request may wait to be stored before new ones are refused; see <see cref="DeliveryOptions.MaxAckWait"/>.</summary>
    public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromMilliseconds(500);

    private readonly InboxBatches batches = InboxBatches.For(database, clock, maxWaiting, maxWait ?? DefaultMaxWait);
    /// <summary>Internal for tests: to run something between the claim's choosing and its locking.</summary>
    internal InboxClaim Claims { get; } = new(database, runs, run, clock);

    /// <summary>
    /// Stores the request unless any of its keys was seen before; null for a duplicate (nothing stored). Committed
    /// with the other requests arriving at the same moment (see <see cref="InboxBatches"/>); throws
    /// <see cref="InboxFullException"/> when too many are already waiting.
    /// </summary>
    public Task<long?> TryAdd(
        string platform, string kind, string body, IReadOnlyCollection<string> dedupeKeys, CancellationToken ct, string? orderingKey = null) =>
        batches.Add(new NewInboxRow(platform, kind, body, DbTime.ToDb(clock.GetUtcNow()), orderingKey, dedupeKeys), ct);

    public void Dispose() => batches.Dispose();

    /// <summary>
    /// The oldest claimable requests (several threads' heads and the runs behind them, see <see cref="InboxClaim"/>),
    /// leased to this run, their attempts counted now (so one that kills the process still counts).
    /// </summary>
    public Task<IReadOnlyList<InboxItem>> Claim(TimeSpan lease, int max, CancellationToken ct) => Claims.Claim(lease, max, ct);

    /// <summary>The oldest claimable request alone; null when there is nothing to do.</summary>
    public async Task<InboxItem?> ClaimNext(TimeSpan lease, CancellationToken ct) => await Claim(lease, 1, ct) is [var item] ? item : null;

    /// <summary>False when this run no longer holds the claim (it expired and another took it): nothing is changed.</summary>
    public async Task<bool> Complete(InboxItem item, CancellationToken ct) => await Complete([item], ct) == 1;

    /// <summary>Completes the requests in one transaction; how many this run still held (only those are changed).</summary>
    public Task<int> Complete(IReadOnlyCollection<InboxItem> items, CancellationToken ct) =>
        FinishAll("status = 'done', done_at = @now", items, new { now = DbTime.ToDb(clock.GetUtcNow()) }, ct);

    /// <summary>
    /// Gives back claimed requests that were not tried (one before them in their thread failed, or the lease ran short):
    /// pending again, the attempt their claim counted undone.
    /// </summary>
    public Task<int> Release(IReadOnlyCollection<InboxItem> items, CancellationToken ct) =>
        FinishAll("status = 'pending', attempts = attempts - 1", items, new { }, ct);

    public Task<bool> Retry(InboxItem item, string error, DateTimeOffset notBefore, CancellationToken ct) => Finish(
        "status = 'pending', not_before = @notBefore, last_error = @error", item, new { error, notBefore = DbTime.ToDb(notBefore) }, ct);

    /// <summary>Gives up on the row; it stays in the table, with its error, for someone to inspect.</summary>
    public Task<bool> Fail(InboxItem item, string error, CancellationToken ct) => Finish(
        "status = 'failed', last_error = @error, done_at = @now", item, new { error, now = DbTime.ToDb(clock.GetUtcNow()) }, ct);

    /// <summary>Rows not finished yet: pending, or being processed.</summary>
    public async Task<int> Pending(CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM inbox WHERE status IN ('pending', 'processing')", cancellationToken: ct));
    }

    /// <summary>The claim is this run's and this claim's: a later claim of the same row counted one more attempt.</summary>
    private async Task<bool> Finish(string set, InboxItem item, object args, CancellationToken ct) => await FinishAll(set, [item], args, ct) == 1;

    private async Task<int> FinishAll(string set, IReadOnlyCollection<InboxItem> items, object args, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return 0;
        }

        var changed = 0;
        await using var connection = await database.Open(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var claim in items.GroupBy(i => i.Attempts))
        {
            var parameters = new DynamicParameters(args);
            parameters.AddDynamicParams(new { ids = SqlLists.Values(database.Provider, claim.Select(i => i.Id).ToArray()), me = run.RunId, attempts = claim.Key });
            changed += await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE inbox SET {set}, lease_owner = NULL, lease_until = NULL WHERE {SqlLists.In(database.Provider, "id", "ids")} AND lease_owner = @me AND attempts = @attempts",
                parameters,
                tx,
                cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        return changed;
    }
}
