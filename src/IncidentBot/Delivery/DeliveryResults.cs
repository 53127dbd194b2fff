using IncidentBot.Core.Incidents;
using IncidentBot.Telemetry;
using Microsoft.Extensions.Options;

namespace IncidentBot.Delivery;

/// <summary>
/// Records how one delivery went: the one place that acts on a delivery's result, for every destination. Sent:
/// kept with its result; a thread root's result is first recorded as the incident's thread, so a retry after a lost
/// claim finds the thread open instead of opening a second one. Failed for good: set aside and logged, which lets the next message of its thread go.
/// Worth retrying: rescheduled with backoff (or the platform's Retry-After), until <see cref="DeliveryOptions.GiveUpAfter"/>.
/// </summary>
internal sealed partial class DeliveryResults(
    Outbox outbox,
    IncidentThreads threads,
    IOptions<DeliveryOptions> options,
    BotMetrics metrics,
    TimeProvider clock,
    ILogger<DeliveryResults> logger)
{
    /// <summary>False when this instance no longer held the message (its claim was taken over): nothing recorded.</summary>
    public async Task<bool> Record(OutboxMessage message, DeliveryOutcome outcome, CancellationToken ct)
    {
        var settings = options.Value;
        switch (outcome)
        {
            case DeliveryOutcome.Sent { OpensThread: true, Result: null }:
                throw new InvalidOperationException($"{message.MessageKey} opened a thread but gave no thread id");
            case DeliveryOutcome.Sent { OpensThread: true, Result: { } thread } sent when message.IncidentNumber is { } number:
                await threads.ThreadOpened(number, thread, ct);
                metrics.OutboxDelivered(message.Platform);
                return await outbox.MarkSent(message, sent.Result, ct);
            case DeliveryOutcome.Sent sent:
                metrics.OutboxDelivered(message.Platform);
                return await outbox.MarkSent(message, sent.Result, ct);
            case DeliveryOutcome.Failed failed:
                LogFailed(message.Platform, message.Kind, message.MessageKey, failed.Error);
                metrics.OutboxSetAside(message.Platform);
                return await outbox.MarkFailed(message, failed.Error, ct);
            case DeliveryOutcome.Retry retry when clock.GetUtcNow() - message.CreatedAt > settings.GiveUpAfter:
                LogFailed(message.Platform, message.Kind, message.MessageKey, $"still failing after {settings.GiveUpAfter}: {retry.Error}");
                metrics.OutboxSetAside(message.Platform);
                return await outbox.MarkFailed(message, retry.Error, ct);
            case DeliveryOutcome.Retry retry:
                var delay = retry.After ?? Backoff.Delay(message.Attempts, settings.BaseBackoff, settings.MaxBackoff);
                LogRetrying(message.Platform, message.Kind, message.MessageKey, retry.Error, delay);
                metrics.OutboxRetried(message.Platform);
                return await outbox.Reschedule(message, clock.GetUtcNow() + delay, retry.Error, retry.NotSent, ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown delivery outcome");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} {Kind} {Key} not delivered ({Error}); retrying in {Delay}")]
    private partial void LogRetrying(string platform, string kind, string key, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Platform} {Kind} {Key} failed for good: {Error}")]
    private partial void LogFailed(string platform, string kind, string key, string error);
}
