using Dapper;
using IncidentBot.Persistence;

namespace IncidentBot.Tests.Persistence;

/// <summary>Writers of one SQLite file wait for each other's transactions (SqliteLockWait) instead of failing.</summary>
internal sealed class SqliteLockWaitTests() : DatabaseTest(StorageProvider.Sqlite)
{
    [Test]
    public async Task A_write_waits_for_another_connections_transaction_and_goes_through_after_it()
    {
        await using var holder = await Database.Open(Ct);
        await using var tx = await holder.BeginTransactionAsync(Ct);
        await holder.ExecuteAsync("INSERT INTO incident_search_stale (incident_id) VALUES (1)", transaction: tx);

        await using var waiter = await Database.Open(Ct);
        var started = new TaskCompletionSource();
        // SQLite's calls block their thread, so the waiting write runs on its own.
        var waiting = Task.Run(() =>
        {
            started.SetResult();
            return waiter.ExecuteAsync("INSERT INTO incident_search_stale (incident_id) VALUES (2)");
        });
        await started.Task;
        await tx.CommitAsync(Ct);

        Assert.That(await waiting, Is.EqualTo(1));
        Assert.That(await waiter.QueryAsync<long>("SELECT incident_id FROM incident_search_stale ORDER BY incident_id"), Is.EqualTo<long[]>([1, 2]));
    }
}
