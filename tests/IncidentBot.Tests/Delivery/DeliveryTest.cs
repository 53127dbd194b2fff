using IncidentBot.Delivery;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using IncidentBot.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using System.Diagnostics.Metrics;

namespace IncidentBot.Tests.Delivery;

/// <summary>A migrated database plus running "instances": each a registered run, with the inbox and outbox it claims through.</summary>
internal abstract class DeliveryTest(StorageProvider provider) : DatabaseTest(provider)
{
    protected static readonly TimeSpan InstanceTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Counters for workers built by hand; no test here reads them.</summary>
    protected static BotMetrics Metrics() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    /// <summary>Starts a run of the instance (registering it, as start-up does): a second call is that instance restarted.</summary>
    protected async Task<Instance> Start(string instanceId, int maxWaiting = Inbox.DefaultMaxWaiting)
    {
        var run = new DeliveryRun(instanceId, $"{instanceId}#{Guid.NewGuid():N}");
        var runs = new DeliveryRuns(Database, run, Options.Create(new DeliveryOptions { InstanceTimeout = InstanceTimeout }), Clock);
        await runs.Register(Ct);
        return new Instance(runs, new Inbox(Database, runs, run, Clock, maxWaiting), new Outbox(Database, runs, run, Clock));
    }

    /// <summary>The inbox worker of an instance, built as the host builds it, with these handlers.</summary>
    protected InboxWorker Worker(Instance instance, DeliveryOptions settings, params IInboxHandler[] handlers) =>
        new(instance.Inbox, new InboxSignal(), Processing(instance, settings, handlers), Options.Create(settings), Clock, NullLogger<InboxWorker>.Instance);

    /// <summary>How the worker handles a claimed batch, built as the host builds it.</summary>
    protected InboxBatchProcessing Processing(Instance instance, DeliveryOptions settings, params IInboxHandler[] handlers)
    {
        var options = Options.Create(settings);
        var metrics = Metrics();
        var handling = new InboxItemHandling(instance.Inbox, handlers, options, metrics, Clock, NullLogger<InboxItemHandling>.Instance);
        return new InboxBatchProcessing(instance.Inbox, handling, options, metrics, Clock);
    }

    protected sealed record Instance(DeliveryRuns Runs, Inbox Inbox, Outbox Outbox);
}
