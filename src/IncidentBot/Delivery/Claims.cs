using IncidentBot.Persistence;

namespace IncidentBot.Delivery;

/// <summary>The SQL that the inbox and the outbox share to claim rows, and why it differs per database.</summary>
internal static class Claims
{
    /// <summary>
    /// A lease is free when nobody holds it, when it outlived its length (a stuck handler), or when its holder is
    /// another run whose heartbeat stopped (a crashed or restarted instance). Our own live leases are never free to
    /// us: a sender with several messages in flight must not take one of them again.
    /// </summary>
    public static string LeaseIsFree(string row) => $"""
        ({row}.lease_owner IS NULL OR {row}.lease_until <= @now
         OR ({row}.lease_owner <> @me AND NOT EXISTS (
             SELECT 1 FROM delivery_runs r WHERE r.run_id = {row}.lease_owner AND r.heartbeat_at > @aliveSince)))
        """;

    /// <summary>
    /// Appended to the SELECT that picks the rows to claim. PostgreSQL: several instances claim at once, and
    /// <c>FOR UPDATE SKIP LOCKED</c> makes each pass over rows another is claiming instead of both taking them or one
    /// waiting (a row it locks after the other committed is checked again and, now leased, left out). SQLite: one
    /// process, and SQLite runs one writing statement at a time, so the claiming UPDATE is already exclusive.
    /// </summary>
    public static string SkipLocked(StorageProvider provider) => provider == StorageProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";
}
