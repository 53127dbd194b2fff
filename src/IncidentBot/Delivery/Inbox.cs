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

    private readonly InboxBatches batches = new(database, clock, maxWaiting, maxWait ?? DefaultMaxWait);

    // Waiting to be processed, or claimed by someone whose claim no longer counts.
    private static readonly string Claimable =
        $"((i.status = 'pending' AND i.not_before <= @now) OR (i.status = 'processing' AND {Claims.LeaseIsFree("i")}))";

    // The first unfinished request of its ordering key (a thread): requests of one thread go one at a time, in order.
    private const string IsHead = """
        (i.ordering_key IS NULL OR NOT EXISTS (
            SELECT 1 FROM inbox p
            WHERE p.ordering_key = i.ordering_key AND p.status IN ('pending', 'processing') AND p.id < i.id))
        """;

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
    /// The oldest claimable request, leased to this run, its attempts counted now (so one that kills the process
    /// still counts); null when there is nothing to do.
    /// </summary>
    public async Task<InboxItem?> ClaimNext(TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.Open(ct);
        var row = await connection.QueryFirstOrDefaultAsync<InboxRow>(new CommandDefinition(
            $"""
            UPDATE inbox SET status = 'processing', lease_owner = @me, lease_until = @leaseUntil, attempts = attempts + 1
            WHERE id = (SELECT i.id FROM inbox i WHERE {Claimable} AND {IsHead} ORDER BY i.id LIMIT 1 {Claims.SkipLocked(database.Provider)})
            RETURNING {InboxRow.Columns}
            """,
            new { now = DbTime.ToDb(now), me = run.RunId, aliveSince = runs.AliveSince(now), leaseUntil = DbTime.ToDb(now + lease) },
            cancellationToken: ct));
        return row?.ToItem();
    }

    /// <summary>False when this run no longer holds the claim (it expired and another took it): nothing is changed.</summary>
    public Task<bool> Complete(InboxItem item, CancellationToken ct) => Finish(
        "status = 'done', done_at = @now", item, new { now = DbTime.ToDb(clock.GetUtcNow()) }, ct);

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
    private async Task<bool> Finish(string set, InboxItem item, object args, CancellationToken ct)
    {
        var parameters = new DynamicParameters(args);
        parameters.AddDynamicParams(new { item.Id, me = run.RunId, item.Attempts });
        await using var connection = await database.Open(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE inbox SET {set}, lease_owner = NULL, lease_until = NULL WHERE id = @Id AND lease_owner = @me AND attempts = @Attempts",
            parameters,
            cancellationToken: ct)) == 1;
    }
}
