using Dapper;
using IncidentBot.Delivery;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Delivery;

/// <summary>Claims between instances sharing one database: who may take, finish and take back work.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class ClaimsTests(StorageProvider provider) : DeliveryTest(provider)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Test]
    public async Task Only_the_instance_holding_a_claim_may_finish_the_request()
    {
        var a = await Start("bot-a");
        var b = await Start("bot-b");
        await a.Inbox.TryAdd("slack", "command", "one", [], Ct);
        var claimed = await a.Inbox.ClaimNext(Lease, Ct);

        Assert.That(await b.Inbox.ClaimNext(Lease, Ct), Is.Null, "a live instance's claim is not free");
        Assert.That(await b.Inbox.Complete(claimed!, Ct), Is.False, "b does not hold the claim");
        Assert.That(await a.Inbox.Pending(Ct), Is.EqualTo(1));
        Assert.That(await a.Inbox.Complete(claimed!, Ct), Is.True);
        Assert.That(await a.Inbox.Pending(Ct), Is.Zero);
    }

    [Test]
    public async Task The_claims_of_an_instance_whose_heartbeat_stopped_are_taken_over_after_the_instance_timeout()
    {
        var dead = await Start("bot-a");
        var alive = await Start("bot-b");
        var id = await dead.Inbox.TryAdd("slack", "command", "one", [], Ct);
        await dead.Outbox.Enqueue(new OutboxDraft("slack", "m1", "thread-1", "post", "{}", 1), Ct);
        var stale = await dead.Inbox.ClaimNext(Lease, Ct);
        await dead.Outbox.Claim("slack", 10, Lease, Ct);

        Clock.Advance(InstanceTimeout - TimeSpan.FromSeconds(1));
        await alive.Runs.Beat(Ct);
        Assert.That(await alive.Inbox.ClaimNext(Lease, Ct), Is.Null, "still within the instance timeout");

        Clock.Advance(TimeSpan.FromSeconds(2));
        await alive.Runs.Beat(Ct);
        var taken = await alive.Inbox.ClaimNext(Lease, Ct);
        Assert.That((taken?.Id, taken?.Attempts), Is.EqualTo(((long?)id, (int?)2)), "taken over, its claims counted");
        Assert.That((await alive.Outbox.Claim("slack", 10, Lease, Ct)).Select(m => m.MessageKey), Is.EqualTo<string[]>(["m1"]));
        Assert.That(await dead.Inbox.Complete(stale!, Ct), Is.False, "a late result from the old holder is refused");
    }

    [Test]
    public async Task A_restarted_instance_takes_back_its_own_claims_at_once()
    {
        var before = await Start("bot-a");
        var id = await before.Inbox.TryAdd("slack", "command", "one", [], Ct);
        await before.Inbox.ClaimNext(Lease, Ct);

        var after = await Start("bot-a");

        Assert.That((await after.Inbox.ClaimNext(Lease, Ct))?.Id, Is.EqualTo(id));
    }

    [Test]
    public async Task Requests_of_one_thread_are_taken_one_at_a_time_in_order_by_any_instance()
    {
        var a = await Start("bot-a");
        var b = await Start("bot-b");
        await a.Inbox.TryAdd("slack", "event", "reply 1", [], Ct, orderingKey: "C1:100.1");
        await a.Inbox.TryAdd("slack", "event", "reply 2", [], Ct, orderingKey: "C1:100.1");
        await a.Inbox.TryAdd("slack", "event", "other thread", [], Ct, orderingKey: "C1:200.1");

        var first = await a.Inbox.ClaimNext(Lease, Ct);
        var second = await b.Inbox.ClaimNext(Lease, Ct);
        Assert.That((first?.Body, second?.Body), Is.EqualTo(("reply 1", "other thread")), "reply 2 waits for reply 1");
        Assert.That(await b.Inbox.ClaimNext(Lease, Ct), Is.Null);

        await a.Inbox.Complete(first!, Ct);
        Assert.That((await b.Inbox.ClaimNext(Lease, Ct))?.Body, Is.EqualTo("reply 2"));
    }

    [Test]
    public async Task A_message_being_sent_by_one_instance_holds_its_thread_for_the_other()
    {
        var a = await Start("bot-a");
        var b = await Start("bot-b");
        await a.Outbox.Enqueue(new OutboxDraft("slack", "a1", "thread-a", "post", "{}", 1), Ct);
        await a.Outbox.Enqueue(new OutboxDraft("slack", "a2", "thread-a", "post", "{}", 1), Ct);

        var sending = await a.Outbox.Claim("slack", 10, Lease, Ct);
        Assert.That(await b.Outbox.Claim("slack", 10, Lease, Ct), Is.Empty);
        Assert.That(await b.Outbox.NextAttemptAt("slack", Ct), Is.Null, "b has nothing to wake up for");

        Assert.That(await b.Outbox.MarkSent(sending[0], "1.0", Ct), Is.False, "only the holder records the result");
        Assert.That(await a.Outbox.MarkSent(sending[0], "1.0", Ct), Is.True);
        Assert.That((await b.Outbox.Claim("slack", 10, Lease, Ct)).Select(m => m.MessageKey), Is.EqualTo<string[]>(["a2"]));
    }

    [Test]
    public async Task A_request_that_crashed_the_process_at_every_claim_is_set_aside_after_MaxAttempts_claims()
    {
        const int maxAttempts = 3;
        var first = await Start("bot-a");
        var id = await first.Inbox.TryAdd("slack", "command", "crashes the bot", [], Ct);
        for (var crash = 0; crash < maxAttempts; crash++)
        {
            // Claimed, then the process dies: the restart (a new run of the same instance) claims it again.
            await (await Start("bot-a")).Inbox.ClaimNext(Lease, Ct);
        }

        var restarted = await Start("bot-a");
        var handler = new RecordingHandler();
        var settings = new DeliveryOptions { MaxAttempts = maxAttempts };
        using var worker = Worker(restarted, settings, handler);
        await worker.StartAsync(Ct);
        await Eventually.Get(() => restarted.Inbox.Pending(Ct), n => n == 0, "the request to be set aside");
        await worker.StopAsync(Ct);

        Assert.That(handler.Handled, Is.Zero, "not run a fourth time");
        await using var connection = await Database.Open(Ct);
        var (status, error) = await connection.QuerySingleAsync<(string, string)>("SELECT status, last_error FROM inbox WHERE id = @id", new { id });
        Assert.That((status, error), Is.EqualTo(("failed", "claimed 3 times without finishing")));
    }

    private sealed class RecordingHandler : IInboxHandler
    {
        public int Handled;

        public string Platform => "slack";

        public Task Handle(InboxItem item, CancellationToken ct)
        {
            Interlocked.Increment(ref Handled);
            return Task.CompletedTask;
        }
    }
}
