using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;

namespace IncidentBot.Tests.Support;

/// <summary>
/// What a host is busy with, read from its database and reminders: requests being handled or due, messages being sent
/// or due for their first try, reminders whose handler is running. A clock jump must wait until it is none: it would
/// run out the leases and handler timeouts of what is in flight, and the work would be done a second time.
/// </summary>
internal static class WorkInFlight
{
    /// <summary>
    /// How much work is in flight. Messages waiting to be tried again, and those queued behind them, are not counted:
    /// the sample slash commands' response_url leads nowhere, so those answers retry for a day.
    /// </summary>
    public static async Task<long> Count(TestDatabase database, TimeProvider clock, InMemoryReminders? reminders)
    {
        await using var connected = database.Connect();
        await using var connection = await connected.Open(CancellationToken.None);
        var now = DbTime.ToDb(clock.GetUtcNow());
        var stored = await connection.ExecuteScalarAsync<long>(
            """
            SELECT (SELECT COUNT(*) FROM inbox WHERE status = 'processing' OR (status = 'pending' AND not_before <= @now))
                 + (SELECT COUNT(*) FROM outbox o WHERE o.lease_owner IS NOT NULL
                    OR (o.status = 'pending' AND o.attempts = 0 AND o.next_attempt_at <= @now AND NOT EXISTS (
                        SELECT 1 FROM outbox p WHERE p.status = 'pending' AND p.attempts > 0 AND p.platform = o.platform
                        AND p.ordering_key = o.ordering_key AND p.id < o.id)))
            """,
            new { now });
        return stored + (reminders?.InFlight ?? 0);
    }

    /// <summary>Waits until nothing is in flight; fails the test when something still is after the usual limit.</summary>
    public static Task None(TestDatabase database, TimeProvider clock, InMemoryReminders? reminders) =>
        Eventually.Get(() => Count(database, clock, reminders), n => n == 0, "the requests, messages and reminders in flight to finish");
}
