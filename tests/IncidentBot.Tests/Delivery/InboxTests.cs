using IncidentBot.Delivery;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Delivery;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class InboxTests(StorageProvider provider) : DeliveryTest(provider)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private Inbox Inbox { get; set; } = null!;

    [SetUp]
    public async Task StartInstance() => Inbox = (await Start("bot-a")).Inbox;

    [Test]
    public async Task A_request_sharing_any_key_with_an_earlier_one_stores_nothing()
    {
        var first = await Inbox.TryAdd("slack", "event", "{\"a\":1}", ["event:Ev1", "message:C1:1700.1"], Ct);

        var duplicate = await Inbox.TryAdd("slack", "event", "{\"a\":2}", ["event:Ev2", "message:C1:1700.1"], Ct);
        var unrelated = await Inbox.TryAdd("slack", "event", "{\"a\":3}", ["event:Ev2"], Ct);

        Assert.That(first, Is.Not.Null);
        Assert.That(duplicate, Is.Null);
        Assert.That(unrelated, Is.Not.Null, "the rolled-back duplicate must not have kept its new key");
        Assert.That(await Inbox.Pending(Ct), Is.EqualTo(2));
    }

    [Test]
    public async Task Requests_arriving_together_are_stored_together_and_a_duplicate_among_them_undoes_only_itself()
    {
        // 60 requests at once, every third repeating the key of the one before it: 40 distinct requests.
        var adds = Enumerable.Range(0, 60).Select(i => Task.Run(() => Inbox.TryAdd("slack", "event", $"body {i}", [$"event:Ev{i - (i % 3 == 2 ? 1 : 0)}"], Ct))).ToList();
        var ids = await Task.WhenAll(adds);

        Assert.That(ids.Count(id => id is not null), Is.EqualTo(40));
        Assert.That(ids.Where(id => id is not null).Distinct().Count(), Is.EqualTo(40), "each stored request has its own row");
        Assert.That(await Inbox.Pending(Ct), Is.EqualTo(40));
        for (var pair = 1; pair < 60; pair += 3)
        {
            Assert.That(new[] { ids[pair], ids[pair + 1] }.Count(id => id is not null), Is.EqualTo(1), $"Ev{pair} stored once");
        }
    }

    [Test]
    public async Task When_more_requests_wait_to_be_stored_than_allowed_the_next_is_refused_at_once_and_the_others_are_stored()
    {
        var inbox = (await Start("bot-b", maxWaiting: 1)).Inbox;
        // Each writer holds a batch, one request may wait behind them, and the one after that is refused.
        var writers = Provider == StorageProvider.Postgres ? InboxBatches.PostgresWriters : 1;
        var count = writers + 2;
        Task<long?>[] adds;
        await using (await HoldWrites())
        {
            adds = [.. Enumerable.Range(0, count).Select(i => Task.Run(() => inbox.TryAdd("slack", "event", $"while busy {i}", [$"busy:{i}"], Ct)))];
            await Eventually.Get(() => Task.FromResult(adds.Count(a => a.IsFaulted)), n => n >= 1, "a refusal while the writer is held");
        }

        await Eventually.Get(() => Task.FromResult(adds.All(a => a.IsCompleted)), done => done, "every request stored or refused once the writer is free");
        var refused = adds.Where(a => a.IsFaulted).ToList();
        Assert.That(refused.Select(a => a.Exception!.InnerException), Has.All.InstanceOf<InboxFullException>());
        Assert.That(adds.Where(a => !a.IsFaulted).Select(a => a.Result), Has.All.Not.Null, "the ones not refused are stored once the writer is free");
        Assert.That(await Inbox.Pending(Ct), Is.EqualTo(count - refused.Count), "a refused request leaves nothing behind");
    }

    [Test]
    public async Task Two_instances_storing_the_same_requests_at_once_store_each_once()
    {
        // Slack redelivers while the first delivery is still being stored, and the two land on different instances.
        var other = (await Start("bot-b")).Inbox;
        var adds = Enumerable.Range(0, 40).SelectMany(i => new[] { Inbox, other }.Select(inbox =>
            Task.Run(() => inbox.TryAdd("slack", "event", $"body {i}", [$"event:EvTwice{i}", $"message:C1:{i}"], Ct)))).ToList();
        var ids = await Task.WhenAll(adds);

        for (var i = 0; i < 40; i++)
        {
            Assert.That(new[] { ids[2 * i], ids[(2 * i) + 1] }.Count(id => id is not null), Is.EqualTo(1), $"EvTwice{i} stored once");
        }

        Assert.That(await Inbox.Pending(Ct), Is.EqualTo(40));
    }

    [Test]
    public async Task A_request_without_keys_is_always_stored_and_a_repeated_key_is_not_a_duplicate_of_itself()
    {
        Assert.That(await Inbox.TryAdd("local", "command", "help", [], Ct), Is.Not.Null);
        Assert.That(await Inbox.TryAdd("local", "command", "help", [], Ct), Is.Not.Null);
        Assert.That(await Inbox.TryAdd("slack", "event", "{}", ["k", "k"], Ct), Is.Not.Null);

        Assert.That(await Inbox.Pending(Ct), Is.EqualTo(3));
    }

    /// <summary>Another writer holds the inbox (a long transaction elsewhere) until disposed.</summary>
    private async Task<IAsyncDisposable> HoldWrites()
    {
        var connectionString = Provider == StorageProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(TestDatabase.ConnectionString) { Pooling = false }.ToString()
            : TestDatabase.ConnectionString;
        System.Data.Common.DbConnection other = Provider == StorageProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(connectionString)
            : new Npgsql.NpgsqlConnection(connectionString);
        await other.OpenAsync(Ct);
        var tx = await other.BeginTransactionAsync(Ct);
        await using var command = other.CreateCommand();
        command.Transaction = tx;
        // SQLite: the transaction is BEGIN IMMEDIATE, which takes the write lock itself.
        command.CommandText = Provider == StorageProvider.Sqlite ? "SELECT 1" : "LOCK TABLE inbox IN EXCLUSIVE MODE";
        await command.ExecuteNonQueryAsync(Ct);
        return new Holder(other, tx);
    }

    private sealed class Holder(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tx.RollbackAsync();
            await tx.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    [Test]
    public async Task Requests_are_claimed_in_arrival_order_and_each_only_once()
    {
        var receivedAt = Clock.GetUtcNow();
        var first = await Inbox.TryAdd("slack", "command", "one", ["1"], Ct);
        var second = await Inbox.TryAdd("teams", "activity", "two", ["2"], Ct);

        var claimedFirst = await Inbox.ClaimNext(Lease, Ct);
        var claimedSecond = await Inbox.ClaimNext(Lease, Ct);

        Assert.That(claimedFirst, Is.EqualTo(new InboxItem(first!.Value, "slack", "command", "one", receivedAt, 1)));
        Assert.That(claimedSecond?.Id, Is.EqualTo(second));
        Assert.That(await Inbox.ClaimNext(Lease, Ct), Is.Null);
        Assert.That(await Inbox.Pending(Ct), Is.EqualTo(2), "claimed rows are still unfinished");
    }

    [Test]
    public async Task A_row_whose_worker_died_is_claimed_again_when_its_lease_expires()
    {
        var id = await Inbox.TryAdd("slack", "command", "one", [], Ct);
        await Inbox.ClaimNext(Lease, Ct);

        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.That(await Inbox.ClaimNext(Lease, Ct), Is.Null);

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That((await Inbox.ClaimNext(Lease, Ct))?.Id, Is.EqualTo(id));
    }

    [Test]
    public async Task A_retried_row_waits_until_its_not_before_and_counts_the_attempt()
    {
        var id = await Inbox.TryAdd("slack", "command", "one", [], Ct);
        var claimed = await Inbox.ClaimNext(Lease, Ct);

        await Inbox.Retry(claimed!, "Slack API timed out", Clock.GetUtcNow().AddSeconds(30), Ct);

        Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.That(await Inbox.ClaimNext(Lease, Ct), Is.Null);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var retried = await Inbox.ClaimNext(Lease, Ct);
        Assert.That(retried?.Id, Is.EqualTo(id));
        Assert.That(retried?.Attempts, Is.EqualTo(2), "attempts count claims");
    }

    [Test]
    public async Task Completed_and_failed_rows_are_finished()
    {
        var done = await Inbox.TryAdd("slack", "command", "one", [], Ct);
        var failed = await Inbox.TryAdd("slack", "command", "two", [], Ct);
        var first = await Inbox.ClaimNext(Lease, Ct);
        var second = await Inbox.ClaimNext(Lease, Ct);

        Assert.That(await Inbox.Complete(first!, Ct), Is.True);
        Assert.That(await Inbox.Fail(second!, "unparseable payload", Ct), Is.True);
        Assert.That((first!.Id, second!.Id), Is.EqualTo((done, failed)));

        Clock.Advance(Lease * 2);
        Assert.That(await Inbox.ClaimNext(Lease, Ct), Is.Null);
        Assert.That(await Inbox.Pending(Ct), Is.Zero);
    }

    [Test]
    public async Task Instances_claiming_at_once_never_get_the_same_row()
    {
        for (var i = 0; i < 20; i++)
        {
            await Inbox.TryAdd("slack", "command", $"request {i}", [], Ct);
        }

        var instances = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Start($"bot-{i}")));
        var workers = instances.Select(instance => Task.Run(async () =>
        {
            var claimed = new List<long>();
            while (await instance.Inbox.ClaimNext(Lease, Ct) is { } item)
            {
                claimed.Add(item.Id);
            }

            return claimed;
        }));
        var all = (await Task.WhenAll(workers)).SelectMany(ids => ids).ToList();

        Assert.That(all, Has.Count.EqualTo(20).And.Unique);
    }
}
