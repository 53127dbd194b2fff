using IncidentBot.Delivery;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Delivery;

/// <summary>
/// A request's answers handed straight to their sender (<see cref="OutboxHandOff"/>), through the real host. The sender's
/// poll is an hour, so whatever is sent here was handed off or woken for, never found by a poll.
/// </summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class OutboxHandOffTests(StorageProvider provider) : HostTestBase(provider)
{
    private ScriptedDestination destination = new();

    [Test]
    public async Task An_answer_is_sent_once_and_recorded_as_sent()
    {
        Assert.That(await Queue("answer-1", "req-1", "fine"), Is.True);
        Assert.That(await Queue("answer-1", "req-1", "fine"), Is.False, "the same answer again is stored once");

        await Eventually.Get(() => Task.FromResult(destination.Delivered), d => d.Count == 1, "the answer to be sent");
        await Eventually.Get(() => Outbox.Pending(ScriptedDestination.Name, Ct), p => p.Count == 0, "the answer to be recorded as sent");
        Assert.That(destination.Tries("answer-1"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_second_answer_to_a_request_goes_after_the_first_as_soon_as_the_first_is_sent()
    {
        await Queue("answer-1", "req-1", ScriptedDestination.Gated);
        await Eventually.Get(() => Task.FromResult(destination.Tries("answer-1")), n => n == 1, "the first answer to be on its way");

        await Queue("answer-2", "req-1", "fine");
        await Queue("other", "req-2", "fine");
        await Eventually.Get(() => Task.FromResult(destination.Delivered), d => d.Contains("other"), "another request's answer to go meanwhile");
        Assert.That(destination.Tries("answer-2"), Is.Zero, "it waits for the first: same request");

        destination.Gate.SetResult();

        var delivered = await Eventually.Get(() => Task.FromResult(destination.Delivered), d => d.Count == 3, "both answers of the request to be sent");
        Assert.That(delivered.Where(k => k.StartsWith("answer-", StringComparison.Ordinal)), Is.EqualTo<string[]>(["answer-1", "answer-2"]));
    }

    [Test]
    public async Task An_answer_queued_while_every_send_slot_is_busy_is_sent_when_one_frees()
    {
        // The destination's four slots (its default concurrency), each taken by a send that waits for the gate.
        var slow = Enumerable.Range(1, 4).Select(i => $"slow-{i}").ToArray();
        foreach (var key in slow)
        {
            await Queue(key, key, ScriptedDestination.Gated);
        }

        await Eventually.Get(() => Task.FromResult(slow.Sum(destination.Tries)), n => n == 4, "four answers to be on their way");
        await Queue("waiting", "req-5", "fine");
        Assert.That(destination.Tries("waiting"), Is.Zero, "no slot free");

        destination.Gate.SetResult();

        await Eventually.Get(() => Task.FromResult(destination.Delivered), d => d.Count == 5, "the waiting answer to be sent once a slot is free");
        await Eventually.Get(() => Outbox.Pending(ScriptedDestination.Name, Ct), p => p.Count == 0, "every answer to be recorded as sent");
        Assert.That(destination.MostInFlight, Is.EqualTo(4), "never more sends at once than the sender's slots");
    }

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Delivery:PollInterval"] = "01:00:00",
    };

    /// <summary>Swapping a registration gives each test a bot of its own: each gets a destination of its own too.</summary>
    protected override Action<IServiceCollection> Services()
    {
        var fresh = destination = new ScriptedDestination();
        return services => services.AddSingleton<IOutboxDeliverer>(fresh);
    }

    private static CancellationToken Ct => TestContext.CurrentContext.CancellationToken;

    private Outbox Outbox => Bot.Services.GetRequiredService<Outbox>();

    private Task<bool> Queue(string key, string request, string payload) =>
        Bot.Services.GetRequiredService<OutboxHandOff>().Queue(new OutboxDraft(ScriptedDestination.Name, key, $"answer:{request}", "test", payload, null), Ct);
}
