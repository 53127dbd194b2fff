using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using IncidentBot.Delivery;
using IncidentBot.Persistence;
using Npgsql;

namespace IncidentBot.Tests.Delivery;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class InboxBatchesTests(StorageProvider provider) : DeliveryTest(provider)
{
    [Test]
    public async Task Requests_written_together_where_one_repeats_a_key_are_stored_once()
    {
        var writer = Writer();
        using var _ = writer as IDisposable;
        var before = (await writer.Store([Row("stored before", "old")], Ct))[0];

        var ids = await writer.Store(
            [Row("a", "k1"), Row("repeats a", "k2", "k1"), Row("repeats a stored one", "old"), Row("its own key twice", "k3", "k3"), Row("k2's repeat was not stored", "k2")],
            Ct);

        Assert.That(ids[1], Is.Null, "a key of an earlier request of the batch");
        Assert.That(ids[2], Is.Null, "a key stored before the batch");
        long[] stored = [before!.Value, ids[0]!.Value, ids[3]!.Value, ids[4]!.Value];
        Assert.That(stored, Is.Ordered.Ascending.And.Unique, "each its own row, in the order they arrived");
        Assert.That(await Bodies(), Is.EqualTo<string[]>(["stored before", "a", "its own key twice", "k2's repeat was not stored"]));
    }

    [Test]
    public async Task On_PostgreSQL_a_batch_of_new_keys_is_one_statement_and_a_stored_key_is_still_found()
    {
        Assume.That(Provider, Is.EqualTo(StorageProvider.Postgres), "round trips are PostgreSQL's concern");
        var writer = Writer();
        await writer.Store([Row("stored before", "old")], Ct);
        var statements = new ConcurrentQueue<string>();
        using var test = new ActivitySource("InboxBatchesTests");
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "InboxBatchesTests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                // Hosts left running by earlier tests talk to PostgreSQL too: count only this call's statements.
                if (activity.Source.Name == "Npgsql" && activity.Parent?.Source == test)
                {
                    statements.Enqueue(activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        long?[] fresh;
        using (test.StartActivity("store a batch"))
        {
            fresh = await writer.Store([Row("a", "k1"), Row("b", "k2"), Row("repeats a", "k1")], Ct);
        }

        var sent = statements.Count;
        var repeated = await writer.Store([Row("c", "k3"), Row("repeats one stored before", "old")], Ct);

        Assert.That(sent, Is.EqualTo(1), "rows, keys and commit in one round trip: " + string.Join(" | ", statements));
        Assert.That((fresh[0], fresh[1], fresh[2]), Is.EqualTo((fresh[0]!.Value, fresh[1]!.Value, (long?)null)));
        Assert.That(repeated[1], Is.Null, "a key stored before the batch");
        Assert.That(await Bodies(), Is.EqualTo<string[]>(["stored before", "a", "b", "c"]), "the statement that met the stored key stored nothing");
    }

    [Test]
    public async Task A_batch_that_fails_stores_none_of_its_requests_and_keeps_none_of_their_keys()
    {
        var writer = Writer();
        using var _ = writer as IDisposable;

        // A request the database refuses (no platform) fails the whole transaction.
        Assert.That(async () => await writer.Store([Row("good", "k1"), Row("good too", "k2") with { Platform = null! }], Ct), Throws.Exception);

        Assert.That(await Bodies(), Is.Empty);
        Assert.That(await writer.Store([Row("good", "k1")], Ct), Has.All.Not.Null, "sent again, it is stored: its key was not kept");
    }

    [Test]
    public async Task A_batch_that_fails_refuses_every_request_in_it()
    {
        // The first batch is held until three more requests queue behind it; they are then written together, and one
        // of them breaks that transaction.
        var held = new HeldWriter(Writer());
        using var batches = new InboxBatches(held, writerCount: 1, Clock, maxWaiting: 100, maxWait: TimeSpan.FromMinutes(1));
        var first = batches.Add(Row("first", "k0"), Ct);
        await held.Started.Task;
        Task<long?>[] together = [batches.Add(Row("a", "k1"), Ct), batches.Add(Row("b", "k2") with { Platform = null! }, Ct), batches.Add(Row("c", "k3"), Ct)];
        held.Release.SetResult();

        Assert.That(await first, Is.Not.Null);
        foreach (var request in together)
        {
            Assert.That(async () => await request, Throws.Exception, "every request of the failed batch is refused");
        }

        Assert.That(await Bodies(), Is.EqualTo<string[]>(["first"]));
    }

    [Test]
    public async Task Many_requests_at_once_are_all_acknowledged_and_each_stored_once()
    {
        // 600 requests at once, each of 300 sent twice (Slack's retry while the first is being stored): on PostgreSQL
        // the two often go into different batches written at the same moment.
        var inbox = (await Start("bot-b")).Inbox;
        var adds = Enumerable.Range(0, 600).Select(i => Task.Run(() => inbox.TryAdd("slack", "event", $"body {i % 300}", [$"event:Storm{i % 300}"], Ct))).ToList();
        var ids = await Task.WhenAll(adds);

        for (var i = 0; i < 300; i++)
        {
            Assert.That(new[] { ids[i], ids[i + 300] }.Count(id => id is not null), Is.EqualTo(1), $"Storm{i} stored once");
        }

        Assert.That(ids.Where(id => id is not null), Is.Unique);
        Assert.That(await inbox.Pending(Ct), Is.EqualTo(300));
    }

    [Test]
    public async Task Storing_a_storm_on_PostgreSQL_opens_no_more_connections_than_it_has_writers()
    {
        Assume.That(Provider, Is.EqualTo(StorageProvider.Postgres), "connections are PostgreSQL's concern");
        var inbox = (await Start("bot-b")).Inbox;

        await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(() => inbox.TryAdd("slack", "event", $"body {i}", [$"event:Many{i}"], Ct))));

        // Pooled connections stay open once used: the database's sessions are every connection the bot opened.
        await using var observer = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        var sessions = await observer.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = @name", new { name = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString).Database });
        Assert.That(sessions, Is.InRange(1, InboxBatches.PostgresWriters));
        Assert.That(await inbox.Pending(Ct), Is.EqualTo(400));
    }

    [Test]
    public async Task Acknowledgements_leave_copying_the_log_into_the_SQLite_file_to_the_other_writers()
    {
        Assume.That(Provider, Is.EqualTo(StorageProvider.Sqlite), "the write-ahead log is SQLite's");
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(TestDatabase.ConnectionString).DataSource;
        using var writer = new SqliteInboxWriter(Database);
        var before = new FileInfo(file).Length;

        // Well past the 1,000 pages of log at which SQLite checkpoints after a commit: a checkpoint waits for the disk,
        // and the requests queued behind this writer would wait with it.
        for (var i = 0; i < 400; i++)
        {
            await writer.Store([Row(new string('x', 5000) + i, $"k{i}")], Ct);
        }

        Assert.That(new FileInfo(file).Length, Is.EqualTo(before), "the acknowledging writer copied nothing into the file");

        // Any other writer's commit checkpoints: the stored requests reach the database file.
        await using (var other = await Database.Open(Ct))
        {
            await other.ExecuteAsync("UPDATE inbox SET attempts = attempts + 1 WHERE id = 1");
        }

        Assert.That(new FileInfo(file).Length, Is.GreaterThan(before + (400 * 5000)));
    }

    [Test]
    public async Task Once_the_acknowledging_writer_closes_its_connection_no_other_writer_gets_it_without_checkpoints()
    {
        Assume.That(Provider, Is.EqualTo(StorageProvider.Sqlite), "the write-ahead log is SQLite's");
        using (var writer = new SqliteInboxWriter(Database))
        {
            await writer.Store([Row("stored", "k1")], Ct);
        }

        // Connections are pooled: a writer closing one hands it to the next to open, with its settings.
        var opened = new List<System.Data.Common.DbConnection>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                opened.Add(await Database.Open(Ct));
            }

            foreach (var connection in opened)
            {
                Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"), Is.EqualTo(1000));
            }
        }
        finally
        {
            foreach (var connection in opened)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private IInboxRowWriter Writer() =>
        Provider == StorageProvider.Postgres ? new PostgresInboxWriter(Database) : new SqliteInboxWriter(Database);

    private NewInboxRow Row(string body, params string[] keys) =>
        new("slack", "event", body, DbTime.ToDb(Clock.GetUtcNow()), null, keys);

    private async Task<List<string>> Bodies()
    {
        await using var connection = await Database.Open(Ct);
        return [.. await connection.QueryAsync<string>("SELECT body FROM inbox ORDER BY id")];
    }

    /// <summary>Holds its first batch until released, so the requests after it queue up and are written together.</summary>
    private sealed class HeldWriter(IInboxRowWriter inner) : IInboxRowWriter, IDisposable
    {
        private int calls;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<long?[]> Store(IReadOnlyList<NewInboxRow> rows, CancellationToken ct)
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                Started.SetResult();
                await Release.Task;
            }

            return await inner.Store(rows, ct);
        }

        public void Dispose() => (inner as IDisposable)?.Dispose();
    }
}
