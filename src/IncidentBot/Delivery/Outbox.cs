using Dapper;
using IncidentBot.Persistence;

namespace IncidentBot.Delivery;

/// <summary>
/// Outbound messages stored first and delivered with retries, so an outage of Slack delays messages but never drops
/// them. Within one ordering key (a thread, a channel) messages go out strictly one after the other: only the head
/// of a key can be claimed, and its claim holds the key, on whichever instance, until it is sent or set aside.
/// </summary>
internal sealed class Outbox(Database database, DeliveryRuns runs, DeliveryRun run, TimeProvider clock)
{
    // The first pending message of its ordering key: nothing older in the same key is still waiting.
    private const string IsHead = """
        o.platform = @platform AND o.status = 'pending'
        AND NOT EXISTS (
            SELECT 1 FROM outbox p
            WHERE p.status = 'pending' AND p.ordering_key = o.ordering_key AND p.platform = o.platform AND p.id < o.id)
        """;

    // What a claim takes: a head whose time has come, not held by a live claim. One text for the claim and its look-first.
    private static readonly string Claimable = $"{IsHead} AND o.next_attempt_at <= @now AND {Claims.LeaseIsFree("o")}";

    /// <summary>
    /// Built once: the sender claims many times a second in a storm. Walks the pending messages oldest first
    /// (ix_outbox_pending) and stops after <c>@max</c> heads, so it costs what it takes, not what is waiting.
    /// </summary>
    internal string ClaimSql { get; } = $"""
        UPDATE outbox SET lease_owner = @me, lease_until = @leaseUntil, attempts = attempts + 1,
            maybe_sent = CASE WHEN lease_owner IS NULL THEN maybe_sent ELSE 1 END
        WHERE id IN (
            SELECT o.id FROM outbox o
            WHERE {Claimable}
            ORDER BY o.id LIMIT @max {Claims.SkipLocked(database.Provider)})
        RETURNING {OutboxRow.Columns}
        """;

    /// <summary>Whether <see cref="ClaimSql"/> would find anything: asked first on SQLite (see <see cref="Claim"/>).</summary>
    private static readonly string AnyClaimableSql = $"""
        SELECT EXISTS (SELECT 1 FROM outbox o WHERE {Claimable})
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

    /// <summary>
    /// Stores the message unless one with the same key exists, claimed by this run for <paramref name="lease"/> (one
    /// attempt counted) when nothing earlier in its ordering key is waiting: see <see cref="OutboxHandOff"/>. Said back:
    /// whether it was added, and the message when it was claimed.
    /// </summary>
    public async Task<Stored> EnqueueClaimed(OutboxDraft draft, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.Open(ct);
        var row = await connection.QuerySingleOrDefaultAsync<StoredRow>(new CommandDefinition(
            EnqueueClaimedSql,
            new
            {
                draft.Platform, draft.MessageKey, draft.OrderingKey, draft.Kind, draft.Payload, draft.IncidentNumber,
                now = DbTime.ToDb(now), me = run.RunId, leaseUntil = DbTime.ToDb(now + lease),
            },
            cancellationToken: ct));
        return row is null ? new Stored(false, null) : new Stored(true, row.LeaseOwner is null ? null : row.ToMessage());
    }

    /// <summary>Whether the message was added, and the message when it was claimed as it was stored.</summary>
    internal sealed record Stored(bool Added, OutboxMessage? Claimed);

    // "WHERE true": SQLite reads an ON CONFLICT right after a SELECT's FROM as a join's constraint without it.
    private static readonly string EnqueueClaimedSql = $"""
        INSERT INTO outbox (platform, message_key, ordering_key, kind, payload, incident_number, status, attempts, next_attempt_at, created_at, lease_owner, lease_until)
        SELECT @Platform, @MessageKey, @OrderingKey, @Kind, @Payload, @IncidentNumber, 'pending',
            CASE WHEN head.free THEN 1 ELSE 0 END, @now, @now, CASE WHEN head.free THEN @me END, CASE WHEN head.free THEN @leaseUntil END
        FROM (SELECT NOT EXISTS (
            SELECT 1 FROM outbox p WHERE p.status = 'pending' AND p.ordering_key = @OrderingKey AND p.platform = @Platform) AS free) head
        WHERE true
        ON CONFLICT (message_key) DO NOTHING
        RETURNING {OutboxRow.Columns}, lease_owner AS LeaseOwner
        """;

    private sealed class StoredRow : OutboxRow
    {
        public string? LeaseOwner { get; set; }
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> messages to send now (the head of each ordering key, if its time has come,
    /// oldest first) for this run, counting an attempt on each. A message taken over from a claim that never finished
    /// (its holder crashed, hung, or could not record the result) may have been sent: it is marked so for good.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> Claim(string platform, int max, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var args = new { platform, max, now = DbTime.ToDb(now), me = run.RunId, aliveSince = runs.AliveSince(now), leaseUntil = DbTime.ToDb(now + lease) };
        await using var connection = await database.Open(ct);
        if (database.Provider == StorageProvider.Sqlite
            && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(AnyClaimableSql, args, cancellationToken: ct)))
        {
            // On SQLite an UPDATE takes the file's one write lock even when it matches nothing, and the acknowledgements
            // wait for it. A sender is woken by every send that ends and every message queued, so in a storm about half
            // its claims find nothing due (what is left waits behind its thread's head); it looks first: a read takes no
            // lock.
            return [];
        }

        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(ClaimSql, args, cancellationToken: ct));
        return [.. rows.Select(r => r.ToMessage()).OrderBy(m => m.Id)];
    }

    /// <summary>The lease-holder-only updates below say false when this claim no longer holds the message.</summary>
    public Task<bool> MarkSent(OutboxMessage message, string? result, CancellationToken ct) => Finish(
        "status = 'sent', sent_at = @now, result = @result", message, new { result, now = DbTime.ToDb(clock.GetUtcNow()) }, ct);

    /// <summary><paramref name="notSent"/>: this attempt certainly did not reach the destination (earlier ones still may have).</summary>
    public Task<bool> Reschedule(OutboxMessage message, DateTimeOffset notBefore, string error, bool notSent, CancellationToken ct) => Finish(
        "next_attempt_at = @notBefore, last_error = @error, maybe_sent = CASE WHEN @notSent = 1 THEN maybe_sent ELSE 1 END",
        message,
        new { error, notBefore = DbTime.ToDb(notBefore), notSent = notSent ? 1 : 0 },
        ct);

    /// <summary>Gives up on the message (kept, with its error) and so lets the next one in its ordering key go.</summary>
    public Task<bool> MarkFailed(OutboxMessage message, string error, CancellationToken ct) => Finish(
        "status = 'failed', last_error = @error", message, new { error }, ct);

    /// <summary>
    /// When <see cref="Claim"/> will next have something, null when nothing is waiting. Only unclaimed heads count: a
    /// message queued behind another is not sendable at its own time, and a head another instance is sending will
    /// be finished by it; counting either would wake the sender early, again and again.
    /// </summary>
    public async Task<DateTimeOffset?> NextAttemptAt(string platform, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var next = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(NextAttemptSql, new { platform }, cancellationToken: ct));
        return DbTime.FromDb(next);
    }

    /// <summary>
    /// Each key's head found once, as its lowest pending id (ix_outbox_pending_key), rather than by <see cref="IsHead"/>
    /// per message: PostgreSQL ran that as a join of every pending message with every earlier one in its key, so a
    /// thread with a few hundred posts waiting made each call tens of milliseconds.
    /// </summary>
    internal const string NextAttemptSql = """
        SELECT MIN(o.next_attempt_at) FROM outbox o
        WHERE o.platform = @platform AND o.status = 'pending' AND o.lease_owner IS NULL
        AND o.id IN (SELECT MIN(p.id) FROM outbox p WHERE p.platform = @platform AND p.status = 'pending' GROUP BY p.ordering_key)
        """;

    /// <summary>Every pending message of the platform, oldest first, whether due or not.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> Pending(string platform, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            $"SELECT {OutboxRow.Columns} FROM outbox WHERE platform = @platform AND status = 'pending' ORDER BY id",
            new { platform },
            cancellationToken: ct));
        return [.. rows.Select(r => r.ToMessage())];
    }

    /// <summary>This run's claim, and this claim: a later claim of the same message counted one more attempt.</summary>
    private async Task<bool> Finish(string set, OutboxMessage message, object args, CancellationToken ct)
    {
        var parameters = new DynamicParameters(args);
        parameters.AddDynamicParams(new { message.Id, me = run.RunId, message.Attempts });
        return await Execute(
            $"UPDATE outbox SET {set}, lease_owner = NULL, lease_until = NULL WHERE id = @Id AND lease_owner = @me AND attempts = @Attempts",
            parameters,
            ct) == 1;
    }

    private async Task<int> Execute(string sql, object args, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
    }
}
