using System.Data.Common;
using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Persistence.SqliteSessions;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Tests.Persistence;

/// <summary>Writers of one SQLite file wait for each other's transactions (SqliteLockWait) instead of failing.</summary>
internal sealed class SqliteLockWaitTests() : DatabaseTest(StorageProvider.Sqlite)
{
    [Test]
    public async Task A_write_waits_for_another_connections_transaction_and_goes_through_after_it()
    {
        await using var waiter = await Database.Open(Ct);

        await WritesAfterAnotherTransaction(waiter);
    }

    [Test]
    public async Task A_connection_the_pool_hands_out_again_keeps_its_settings_and_still_waits_for_the_lock()
    {
        SqliteConnection handedOut;
        await using (var first = (PooledSqliteConnection)await Database.Open(Ct))
        {
            handedOut = first.Inner;
        }

        await using var again = (PooledSqliteConnection)await Database.Open(Ct);
        Assume.That(again.Inner, Is.SameAs(handedOut), "the pool handed out the same SQLite connection");

        Assert.That(await again.ExecuteScalarAsync<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
        Assert.That(await again.ExecuteScalarAsync<long>("PRAGMA synchronous"), Is.EqualTo(1), "NORMAL");
        Assert.That(await again.ExecuteScalarAsync<long>("PRAGMA foreign_keys"), Is.EqualTo(1));
        await WritesAfterAnotherTransaction(again);
    }

    private async Task WritesAfterAnotherTransaction(DbConnection waiter)
    {
        await using var holder = await Database.Open(Ct);
        await using var tx = await holder.BeginTransactionAsync(Ct);
        await holder.ExecuteAsync("INSERT INTO incident_search_stale (incident_id) VALUES (1)", transaction: tx);

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
