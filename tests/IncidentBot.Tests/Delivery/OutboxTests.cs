using IncidentBot.Delivery;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Tests.Delivery;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class OutboxTests(StorageProvider provider) : DeliveryTest(provider)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private Outbox Outbox { get; set; } = null!;

    [SetUp]
    public async Task StartInstance() => Outbox = (await Start("bot-a")).Outbox;

    [Test]
    public async Task Enqueueing_the_same_message_key_twice_stores_it_once()
    {
        Assert.That(await Outbox.Enqueue(Draft("INC-1:root", "C1"), Ct), Is.True);
        Assert.That(await Outbox.Enqueue(Draft("INC-1:root", "C1") with { Payload = "changed" }, Ct), Is.False);

        var pending = await Outbox.Pending("slack", Ct);
        Assert.That(pending, Is.EqualTo(new[]
        {
            new OutboxMessage(pending[0].Id, "slack", "INC-1:root", "C1", "post", "payload of INC-1:root", 1, 0, Clock.GetUtcNow()),
        }));
    }

    [Test]
    public async Task The_next_message_of_an_ordering_key_waits_until_the_one_before_is_sent()
    {
        await Outbox.Enqueue(Draft("a1", "thread-a"), Ct);
        await Outbox.Enqueue(Draft("a2", "thread-a"), Ct);
        await Outbox.Enqueue(Draft("b1", "thread-b"), Ct);

        var due = await Outbox.Claim("slack", 10, Lease, Ct);
        Assert.That(due.Select(m => m.MessageKey), Is.EqualTo<string[]>(["a1", "b1"]));

        await Outbox.MarkSent(due[0], "1700000000.000100", Ct);

        // b1 is still claimed, by this instance: only a2 is new.
        Assert.That((await Outbox.Claim("slack", 10, Lease, Ct)).Select(m => m.MessageKey), Is.EqualTo<string[]>(["a2"]));
    }

    [Test]
    public async Task On_SQLite_a_claim_with_nothing_due_does_not_wait_for_the_write_lock()
    {
        Assume.That(Provider, Is.EqualTo(StorageProvider.Sqlite), "the one write lock is SQLite's");
        await Outbox.Enqueue(Draft("a1", "thread-a"), Ct);
        await Outbox.Enqueue(Draft("a2", "thread-a"), Ct);
        var head = await Outbox.Claim("slack", 10, Lease, Ct);

        // Another writer (a batch of acknowledgements) holds the lock. Waiting for it would take the claim into SQLite's
        // busy timeout and fail with "database is locked"; a2 waits behind a1, so there is nothing to claim anyway.
        await using (var writer = new SqliteConnection(TestDatabase.ConnectionString))
        {
            await writer.OpenAsync(Ct);
            using var held = writer.BeginTransaction(deferred: false);
            Assert.That(await Outbox.Claim("slack", 10, Lease, Ct), Is.Empty);
        }

        await Outbox.MarkSent(head[0], "1700000000.000100", Ct);
        Assert.That((await Outbox.Claim("slack", 10, Lease, Ct)).Select(m => m.MessageKey), Is.EqualTo<string[]>(["a2"]));
    }

    [Test]
    public async Task A_rescheduled_message_is_not_due_before_its_time_and_holds_back_its_ordering_key()
    {
        await Outbox.Enqueue(Draft("a1", "thread-a"), Ct);
        await Outbox.Enqueue(Draft("a2", "thread-a"), Ct);
        var first = (await Outbox.Claim("slack", 10, Lease, Ct))[0];

        await Outbox.Reschedule(first, Clock.GetUtcNow().AddSeconds(30), "429 Retry-After: 30", notSent: true, Ct);

        Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.That(await Outbox.Claim("slack", 10, Lease, Ct), Is.Empty);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var due = await Outbox.Claim("slack", 10, Lease, Ct);
        Assert.That(due.Select(m => (m.MessageKey, m.Attempts)), Is.EqualTo<(string, int)[]>([("a1", 2)]), "attempts count claims");
    }

    [Test]
    public async Task A_message_is_marked_maybe_sent_for_good_once_an_attempt_could_have_reached_its_destination()
    {
        await Outbox.Enqueue(Draft("rate-limited", "a"), Ct);
        await Outbox.Enqueue(Draft("timed-out", "b"), Ct);
        await Outbox.Enqueue(Draft("taken-over", "c"), Ct);
        var first = await Outbox.Claim("slack", 10, Lease, Ct);
        Assert.That(first.Select(m => m.MaybeSent), Has.All.False, "first attempts");

        await Outbox.Reschedule(first[0], Clock.GetUtcNow(), "429", notSent: true, Ct);
        await Outbox.Reschedule(first[1], Clock.GetUtcNow(), "timeout", notSent: false, Ct);
        // The third claim never finishes: its sender hung, or its instance died.
        Clock.Advance(Lease);

        var second = await Outbox.Claim("slack", 10, Lease, Ct);
        Assert.That(second.Select(m => (m.MessageKey, m.MaybeSent)), Is.EqualTo<(string, bool)[]>([("rate-limited", false), ("timed-out", true), ("taken-over", true)]));

        // A later attempt refused outright says nothing of the earlier one.
        await Outbox.Reschedule(second[1], Clock.GetUtcNow(), "429", notSent: true, Ct);
        var third = await Outbox.Claim("slack", 10, Lease, Ct);
        Assert.That(third.Select(m => (m.MessageKey, m.MaybeSent)), Is.EqualTo<(string, bool)[]>([("timed-out", true)]));
    }

    [Test]
    public async Task A_message_stored_claimed_is_this_runs_and_the_next_of_its_key_is_stored_unclaimed_behind_it()
    {
        var first = await Outbox.EnqueueClaimed(Draft("answer-1", "answer:req-1"), Lease, Ct);
        var second = await Outbox.EnqueueClaimed(Draft("answer-2", "answer:req-1"), Lease, Ct);
        var again = await Outbox.EnqueueClaimed(Draft("answer-1", "answer:req-1") with { Payload = "changed" }, Lease, Ct);

        Assert.That(first.Added && first.Claimed is { MessageKey: "answer-1", Attempts: 1, MaybeSent: false }, first.ToString());
        Assert.That(second, Is.EqualTo(new Outbox.Stored(true, null)), "an earlier answer of the request is still waiting");
        Assert.That(again, Is.EqualTo(new Outbox.Stored(false, null)), "stored once");

        // The sender's own claims pass over it (this run holds it) and over the one behind it.
        Assert.That(await Outbox.Claim("slack", 10, Lease, Ct), Is.Empty);
        Assert.That(await Outbox.MarkSent(first.Claimed!, null, Ct), Is.True, "finished as a claim of this run");
        Assert.That((await Outbox.Claim("slack", 10, Lease, Ct)).Select(m => m.MessageKey), Is.EqualTo<string[]>(["answer-2"]));
    }

    [Test]
    public async Task A_message_stored_claimed_by_an_instance_that_died_is_taken_over_as_maybe_sent()
    {
        var stored = await Outbox.EnqueueClaimed(Draft("answer-1", "answer:req-1"), Lease, Ct);
        var other = await Start("bot-b");

        Assert.That(await other.Outbox.Claim("slack", 10, Lease, Ct), Is.Empty, "bot-a is alive and holds it");

        // bot-a dies before sending it (its heartbeat stops): bot-b takes it, not knowing whether it went out.
        Clock.Advance(InstanceTimeout + TimeSpan.FromSeconds(1));
        await other.Runs.Beat(Ct);
        var taken = await other.Outbox.Claim("slack", 10, Lease, Ct);

        Assert.That(taken.Select(m => (m.Id, m.Attempts, m.MaybeSent)), Is.EqualTo<(long, int, bool)[]>([(stored.Claimed!.Id, 2, true)]));
        Assert.That(await Outbox.MarkSent(stored.Claimed!, null, Ct), Is.False, "bot-a's claim is over");
    }

    [Test]
    public async Task A_message_that_failed_for_good_lets_the_next_one_go()
    {
        await Outbox.Enqueue(Draft("a1", "thread-a"), Ct);
        await Outbox.Enqueue(Draft("a2", "thread-a"), Ct);

        await Outbox.MarkFailed((await Outbox.Claim("slack", 10, Lease, Ct))[0], "channel_not_found", Ct);

        Assert.That((await Outbox.Claim("slack", 10, Lease, Ct)).Select(m => m.MessageKey), Is.EqualTo<string[]>(["a2"]));
        Assert.That((await Outbox.Pending("slack", Ct)).Select(m => m.MessageKey), Is.EqualTo<string[]>(["a2"]));
    }

    [Test]
    public async Task Due_is_per_platform_oldest_first_and_at_most_max()
    {
        foreach (var key in new[] { "k1", "k2", "k3" })
        {
            await Outbox.Enqueue(Draft(key, key), Ct);
        }

        await Outbox.Enqueue(Draft("t1", "k1") with { Platform = "teams" }, Ct);

        Assert.That((await Outbox.Claim("slack", 2, Lease, Ct)).Select(m => m.MessageKey), Is.EqualTo<string[]>(["k1", "k2"]));
        Assert.That((await Outbox.Claim("teams", 10, Lease, Ct)).Select(m => m.MessageKey), Is.EqualTo<string[]>(["t1"]));
    }

    [Test]
    public async Task NextAttemptAt_is_when_the_earliest_sendable_message_is_due()
    {
        Assert.That(await Outbox.NextAttemptAt("slack", Ct), Is.Null);
        var start = Clock.GetUtcNow();
        await Outbox.Enqueue(Draft("a1", "thread-a"), Ct);
        await Outbox.Enqueue(Draft("a2", "thread-a"), Ct);
        await Outbox.Enqueue(Draft("b1", "thread-b"), Ct);
        var due = await Outbox.Claim("slack", 10, Lease, Ct);

        await Outbox.Reschedule(due[0], start.AddSeconds(30), "503", notSent: false, Ct);
        await Outbox.Reschedule(due[1], start.AddSeconds(60), "503", notSent: false, Ct);

        // a2 was enqueued at start but waits behind a1, so the sender should sleep until a1's retry.
        Assert.That(await Outbox.NextAttemptAt("slack", Ct), Is.EqualTo(start.AddSeconds(30)));
        Assert.That(await Outbox.NextAttemptAt("teams", Ct), Is.Null);
    }

    [Test]
    public async Task NextAttemptAt_counts_the_message_behind_a_sent_or_failed_one_as_its_keys_head()
    {
        var start = Clock.GetUtcNow();
        foreach (var (key, order) in new[] { ("a1", "thread-a"), ("a2", "thread-a"), ("b1", "thread-b"), ("b2", "thread-b") })
        {
            await Outbox.Enqueue(Draft(key, order), Ct);
        }

        var heads = await Outbox.Claim("slack", 10, Lease, Ct);
        await Outbox.MarkSent(heads[0], "1700000000.000100", Ct);
        await Outbox.MarkFailed(heads[1], "invalid_blocks", Ct);
        var seconds = await Outbox.Claim("slack", 10, Lease, Ct);
        Assert.That(seconds.Select(m => m.MessageKey), Is.EqualTo<string[]>(["a2", "b2"]));

        await Outbox.Reschedule(seconds[0], start.AddSeconds(40), "503", notSent: false, Ct);
        await Outbox.Reschedule(seconds[1], start.AddSeconds(20), "503", notSent: false, Ct);

        Assert.That(await Outbox.NextAttemptAt("slack", Ct), Is.EqualTo(start.AddSeconds(20)));
    }

    [Test]
    public async Task Claiming_and_waking_read_only_the_pending_messages_from_their_own_indexes()
    {
        var now = DbTime.ToDb(Clock.GetUtcNow());
        var claim = await QueryPlans.Explain(
            Database, Outbox.ClaimSql, new { platform = "slack", max = 5, now, me = "run", aliveSince = now, leaseUntil = now }, Ct);
        var next = await QueryPlans.Explain(Database, Outbox.NextAttemptSql, new { platform = "slack" }, Ct);

        // Oldest first from the pending messages alone, so a claim stops after the few it takes: no sort of the backlog.
        Assert.That(claim, Does.Contain("ix_outbox_pending "), claim);
        Assert.That(claim, Does.Not.Contain("TEMP B-TREE").And.Not.Contain("Sort"), claim);
        Assert.That(next, Does.Contain("ix_outbox_pending_key"), next);
    }

    private static OutboxDraft Draft(string messageKey, string orderingKey) =>
        new("slack", messageKey, orderingKey, "post", $"payload of {messageKey}", 1);
}
