using IncidentBot.Delivery;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;

namespace IncidentBot.Tests.Delivery;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class InboxClaimTests(StorageProvider provider) : DeliveryTest(provider)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Test]
    public async Task A_batch_takes_each_threads_run_behind_its_head_and_the_requests_outside_threads_in_arrival_order()
    {
        var a = await Start("bot-a");
        var added = new List<long>();
        foreach (var (body, key) in new[] { ("t1", "T"), ("c1", null), ("u1", "U"), ("t2", "T"), ("c2", null), ("t3", "T"), ("u2", "U") })
        {
            added.Add((await a.Inbox.TryAdd("slack", "event", body, [], Ct, key))!.Value);
        }

        var batch = await a.Inbox.Claim(Lease, 10, Ct);

        Assert.That(batch.Select(i => i.Id), Is.EqualTo(added));
        Assert.That(batch.Select(i => i.OrderingKey), Is.EqualTo<string?[]>(["T", null, "U", "T", null, "T", "U"]));
        Assert.That(batch.Select(i => i.Attempts), Has.All.EqualTo(1));
        Assert.That(await a.Inbox.Claim(Lease, 10, Ct), Is.Empty, "everything is claimed");
    }

    [Test]
    public async Task A_batch_stops_at_its_size_and_never_takes_a_threads_later_request_without_the_earlier_ones()
    {
        var a = await Start("bot-a");
        for (var k = 1; k <= 5; k++)
        {
            await a.Inbox.TryAdd("slack", "event", $"t{k}", [], Ct, "T");
        }

        var first = await a.Inbox.Claim(Lease, 3, Ct);
        var whileHeld = await a.Inbox.Claim(Lease, 3, Ct);
        await a.Inbox.Complete(first, Ct);
        var next = await a.Inbox.Claim(Lease, 3, Ct);

        Assert.That(first.Select(i => i.Body), Is.EqualTo<string[]>(["t1", "t2", "t3"]));
        Assert.That(whileHeld, Is.Empty, "the thread waits while its run is being handled");
        Assert.That(next.Select(i => i.Body), Is.EqualTo<string[]>(["t4", "t5"]));
    }

    [Test]
    public async Task A_request_claimed_before_is_claimed_alone_and_its_thread_waits_for_it()
    {
        var a = await Start("bot-a");
        await a.Inbox.TryAdd("slack", "event", "t1", [], Ct, "T");
        var failing = (await a.Inbox.Claim(Lease, 1, Ct)).Single();
        await a.Inbox.TryAdd("slack", "event", "t2", [], Ct, "T");
        await a.Inbox.TryAdd("slack", "command", "c1", [], Ct);
        await a.Inbox.Retry(failing, "Slack timed out", Clock.GetUtcNow().AddSeconds(30), Ct);

        var beforeItsRetry = await a.Inbox.Claim(Lease, 10, Ct);
        await a.Inbox.Release(beforeItsRetry, Ct);
        Clock.Advance(TimeSpan.FromSeconds(30));
        var retried = await a.Inbox.Claim(Lease, 10, Ct);
        await a.Inbox.Complete(retried, Ct);
        var rest = await a.Inbox.Claim(Lease, 10, Ct);

        Assert.That(beforeItsRetry.Select(i => i.Body), Is.EqualTo<string[]>(["c1"]), "t2 waits behind t1");
        Assert.That(retried.Select(i => (i.Body, i.Attempts)), Is.EqualTo<(string, int)[]>([("t1", 2)]), "a retry comes alone");
        Assert.That(rest.Select(i => (i.Body, i.Attempts)), Is.EqualTo<(string, int)[]>([("t2", 1), ("c1", 1)]), "a released request's claim did not count");
    }

    [Test]
    public async Task A_batch_chosen_before_locking_is_chosen_again_when_another_instance_claims_part_of_it_meanwhile()
    {
        Assume.That(Provider, Is.EqualTo(StorageProvider.Sqlite), "only SQLite chooses the batch before taking the write lock");
        var a = await Start("bot-a");
        var b = await Start("bot-b");
        foreach (var (body, key) in new[] { ("t1", "T"), ("c1", null), ("t2", "T"), ("t3", "T") })
        {
            await a.Inbox.TryAdd("slack", "event", body, [], Ct, key);
        }

        IReadOnlyList<InboxItem> takenByB = [];
        a.Inbox.Claims.AfterChoosing = async ct =>
        {
            a.Inbox.Claims.AfterChoosing = null;
            takenByB = await b.Inbox.Claim(Lease, 1, ct);
        };
        var batch = await a.Inbox.Claim(Lease, 10, Ct);

        Assert.That(takenByB.Select(i => i.Body), Is.EqualTo<string[]>(["t1"]));
        Assert.That(batch.Select(i => (i.Body, i.Attempts)), Is.EqualTo<(string, int)[]>([("c1", 1)]), "t2 and t3 wait behind t1, which B holds");
    }

    [Test]
    public async Task Two_instances_claiming_batches_at_once_never_share_a_row_or_a_thread_and_take_each_thread_in_order()
    {
        var instances = new[] { await Start("bot-a"), await Start("bot-b") };
        var expected = new Dictionary<string, List<long>>();
        for (var k = 0; k < 60; k++)
        {
            var key = k % 4 == 3 ? null : $"T{k % 3}";
            var id = (await instances[0].Inbox.TryAdd("slack", "event", $"r{k}", [], Ct, key))!.Value;
            expected.TryAdd(key ?? $"#{id}", []);
            expected[key ?? $"#{id}"].Add(id);
        }

        var handled = expected.Keys.ToDictionary(k => k, _ => new List<long>());
        while (true)
        {
            var batches = await Task.WhenAll(instances.Select(i => Task.Run(() => i.Inbox.Claim(Lease, 7, Ct))));
            if (batches.All(b => b.Count == 0))
            {
                break;
            }

            var claimed = batches.SelectMany(b => b).ToList();
            Assert.That(claimed.Select(i => i.Id), Is.Unique, "no row claimed by both");
            var threadsOfA = batches[0].Select(i => i.OrderingKey).OfType<string>().ToHashSet();
            Assert.That(batches[1].Select(i => i.OrderingKey).OfType<string>().Where(threadsOfA.Contains), Is.Empty, "no thread claimed by both at once");
            claimed.ForEach(i => handled[i.OrderingKey ?? $"#{i.Id}"].Add(i.Id));
            await Task.WhenAll(instances.Zip(batches, (instance, batch) => instance.Inbox.Complete(batch, Ct)));
        }

        Assert.That(handled, Is.EqualTo(expected), "every row claimed once, each thread in arrival order");
    }

    // A thread's finished requests stay until retention blanks them, so a claim that read them would cost more with
    // every reply. Nothing else indexes a request by its thread (migration 025 dropped the index that did).
    [Test]
    public async Task A_claim_asks_about_a_thread_only_of_its_unfinished_requests_from_their_own_index()
    {
        var now = DbTime.ToDb(Clock.GetUtcNow());
        var args = new { now, me = "run", aliveSince = now, leaseUntil = now, first = 1L, window = 100L, max = 10, key = "C1:1.1", head = 1L, room = 5 };

        var behindTheHead = await QueryPlans.Explain(Database, InboxClaimSql.RunBehind, args, Ct);
        var firstHead = await QueryPlans.Explain(Database, InboxClaimSql.FirstHead(Provider), args, Ct);
        var heads = await QueryPlans.Explain(Database, InboxClaimSql.Heads(Provider), args, Ct);

        Assert.That(behindTheHead, Does.Contain("ix_inbox_unfinished"), behindTheHead);
        Assert.That(firstHead, Does.Contain("ix_inbox_unfinished"), "whether an older request of the thread is unfinished: " + firstHead);
        Assert.That(heads, Does.Contain("ix_inbox_unfinished"), heads);
    }
}
