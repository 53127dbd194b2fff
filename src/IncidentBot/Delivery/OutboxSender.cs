using Microsoft.Extensions.Options;

namespace IncidentBot.Delivery;

/// <summary>
/// Delivers queued messages: one <see cref="DestinationSender"/> per destination (Slack, Teams, PagerDuty,
/// Statuspage, the rollback webhook), each with its own concurrency and timeout, so a hanging Statuspage does not
/// delay a Slack thread post. While a platform is down its messages wait and are retried with backoff, honouring
/// its own Retry-After; nothing is dropped until <see cref="DeliveryOptions.GiveUpAfter"/>.
/// </summary>
internal sealed class OutboxSender(
    Outbox outbox,
    OutboxSignal signal,
    DeliveryResults results,
    IEnumerable<IOutboxDeliverer> deliverers,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // Each on a thread of its own: one destination's slow claim or send never runs on another's loop, and no
        // sender's work queues among the acknowledgements' (see WorkerThread).
        return Task.WhenAll(deliverers.Select(deliverer => WorkerThread.Run($"{deliverer.Platform} sender", () => new DestinationSender(
            deliverer,
            settings.For(deliverer.Platform),
            settings,
            outbox,
            results,
            signal,
            clock,
            loggers.CreateLogger($"{typeof(DestinationSender).FullName}.{deliverer.Platform}")).Run(stoppingToken))));
    }
}
