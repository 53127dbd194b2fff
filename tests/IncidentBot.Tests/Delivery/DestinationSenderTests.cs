using IncidentBot.Delivery;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Delivery;

/// <summary>One sender per destination, through the real host: a hanging or broken destination holds up only itself.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class DestinationSenderTests(StorageProvider provider) : HostTestBase(provider)
{
    private readonly ScriptedDestination destination = new();

    [Test]
    public async Task A_destination_that_hangs_delays_neither_Slack_nor_itself_past_its_timeout()
    {
        await Enqueue("stuck", "thread-1", ScriptedDestination.Hang);

        await Declare("Checkout returns 500s");

        var stuck = await Eventually.Get(() => Outbox.Pending(ScriptedDestination.Name, Ct), p => p.Single().Attempts >= 2, "the hanging send to time out and be tried again");
        Assert.That(stuck.Single().MessageKey, Is.EqualTo("stuck"));
    }

    [Test]
    public async Task A_message_that_can_never_be_sent_is_set_aside_at_once_and_lets_the_next_of_its_thread_go()
    {
        await Enqueue("broken", "thread-1", ScriptedDestination.Unreadable);
        await Enqueue("next", "thread-1", "fine");

        await Eventually.Get(() => Outbox.Pending(ScriptedDestination.Name, Ct), p => p.Count == 0, "both messages to be finished");

        Assert.That(destination.Delivered, Is.EqualTo<string[]>(["next"]));
        Assert.That(destination.Tries("broken"), Is.EqualTo(1), "set aside at once, not retried");
    }

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        [$"Delivery:Destinations:{ScriptedDestination.Name}:Timeout"] = "00:00:00.500",
    };

    protected override Action<IServiceCollection> Services() => services => services.AddSingleton<IOutboxDeliverer>(destination);

    private static CancellationToken Ct => TestContext.CurrentContext.CancellationToken;

    private Outbox Outbox => Bot.Services.GetRequiredService<Outbox>();

    private async Task Enqueue(string key, string thread, string payload)
    {
        await Outbox.Enqueue(new OutboxDraft(ScriptedDestination.Name, key, thread, "test", payload, null), Ct);
        Bot.Services.GetRequiredService<OutboxSignal>().Notify(ScriptedDestination.Name);
    }
}
