using IncidentBot.Telemetry;
using Microsoft.Extensions.Options;

namespace IncidentBot.Delivery;

/// <summary>
/// Delivers queued messages, oldest first and in order within each conversation (the outbox only offers the first
/// pending message of each ordering key). While a platform is down its messages wait and are retried with backoff,
/// honouring the platform's own Retry-After; nothing is dropped until <see cref="DeliveryOptions.GiveUpAfter"/>.
/// </summary>
internal sealed partial class OutboxSender(
    Outbox outbox,
    OutboxSignal signal,
    IEnumerable<IOutboxDeliverer> deliverers,
    IOptions<DeliveryOptions> options,
    BotMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var all = deliverers.ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            var sentAny = false;
            foreach (var deliverer in all)
            {
                sentAny |= await DeliverDue(deliverer, settings, stoppingToken);
            }

            if (!sentAny)
            {
                await signal.Wait(await NextWait(all, settings, stoppingToken), clock, stoppingToken);
            }
        }
    }

    private async Task<bool> DeliverDue(IOutboxDeliverer deliverer, DeliveryOptions settings, CancellationToken ct)
    {
        var due = await outbox.Due(deliverer.Platform, Batch, ct);
        foreach (var message in due)
        {
            await DeliverOne(deliverer, message, settings, ct);
        }

        return due.Count > 0;
    }

    private async Task DeliverOne(IOutboxDeliverer deliverer, OutboxMessage message, DeliveryOptions settings, CancellationToken ct)
    {
        using var span = BotTraces.OutboxSend(message.Platform, message.Kind, message.IncidentNumber);
        using var scope = IncidentLogScope.Begin(logger, message.IncidentNumber);
        DeliveryOutcome outcome;
        try
        {
            outcome = await deliverer.Deliver(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            outcome = new DeliveryOutcome.Retry(e.Message);
        }

        switch (outcome)
        {
            case DeliveryOutcome.Sent sent:
                await outbox.MarkSent(message.Id, sent.Result, ct);
                metrics.OutboxDelivered(message.Platform);
                break;
            case DeliveryOutcome.Failed failed:
                LogFailed(message.Platform, message.Kind, message.MessageKey, failed.Error);
                await outbox.MarkFailed(message.Id, failed.Error, ct);
                metrics.OutboxSetAside(message.Platform);
                break;
            case DeliveryOutcome.Retry retry when clock.GetUtcNow() - message.CreatedAt > settings.GiveUpAfter:
                LogFailed(message.Platform, message.Kind, message.MessageKey, $"still failing after {settings.GiveUpAfter}: {retry.Error}");
                await outbox.MarkFailed(message.Id, retry.Error, ct);
                metrics.OutboxSetAside(message.Platform);
                break;
            case DeliveryOutcome.Retry retry:
                var delay = retry.After ?? Backoff.Delay(message.Attempts + 1, settings.BaseBackoff, settings.MaxBackoff);
                LogRetrying(message.Platform, message.Kind, message.MessageKey, retry.Error, delay);
                await outbox.Reschedule(message.Id, clock.GetUtcNow() + delay, retry.Error, ct);
                metrics.OutboxRetried(message.Platform);
                break;
        }
    }

    private async Task<TimeSpan> NextWait(List<IOutboxDeliverer> all, DeliveryOptions settings, CancellationToken ct)
    {
        var wait = settings.PollInterval;
        foreach (var deliverer in all)
        {
            if (await outbox.NextAttemptAt(deliverer.Platform, ct) is { } next)
            {
                var until = next - clock.GetUtcNow();
                wait = until < wait ? until : wait;
            }
        }

        return wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(10);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} {Kind} {Key} not delivered ({Error}); retrying in {Delay}")]
    private partial void LogRetrying(string platform, string kind, string key, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Platform} {Kind} {Key} failed for good: {Error}")]
    private partial void LogFailed(string platform, string kind, string key, string error);
}
