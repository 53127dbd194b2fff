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
    OutboxHandOff handOff,
    DeliveryResults results,
    IEnumerable<IOutboxDeliverer> deliverers,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var senders = deliverers.Select(deliverer => new DestinationSender(
            deliverer,
            settings.For(deliverer.Platform),
            settings,
            outbox,
            results,
            signal,
            handOff,
            clock,
            loggers.CreateLogger($"{typeof(DestinationSender).FullName}.{deliverer.Platform}")));

        // Each on its own task: one destination's slow claim or send never runs on another's loop.
        return Task.WhenAll(senders.Select(sender => Task.Run(() => sender.Run(stoppingToken), CancellationToken.None)));
    }
}
