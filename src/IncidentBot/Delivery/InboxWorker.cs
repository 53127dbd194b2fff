using IncidentBot.Telemetry;
using Microsoft.Extensions.Options;

namespace IncidentBot.Delivery;

/// <summary>
/// Processes stored requests one at a time, in arrival order. A request whose processing throws is retried with
/// backoff; after <see cref="DeliveryOptions.MaxInboxAttempts"/> it is set aside as failed (kept, and logged).
/// </summary>
internal sealed partial class InboxWorker(
    Inbox inbox,
    InboxSignal signal,
    IEnumerable<IInboxHandler> handlers,
    IOptions<DeliveryOptions> options,
    BotMetrics metrics,
    TimeProvider clock,
    ILogger<InboxWorker> logger) : BackgroundService
{
    private readonly Dictionary<string, IInboxHandler> byPlatform = handlers.ToDictionary(h => h.Platform, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var item = await inbox.ClaimNext(settings.InboxLease, stoppingToken);
            if (item is null)
            {
                await signal.Wait(settings.PollInterval, clock, stoppingToken);
                continue;
            }

            await Process(item, settings, stoppingToken);
        }
    }

    private async Task Process(InboxItem item, DeliveryOptions settings, CancellationToken ct)
    {
        if (!byPlatform.TryGetValue(item.Platform, out var handler))
        {
            await inbox.Fail(item.Id, $"no handler for platform '{item.Platform}'", ct);
            return;
        }

        using var span = BotTraces.InboxHandle(item.Platform, item.Kind, item.Id);
        using var scope = IncidentLogScope.Begin(logger);
        try
        {
            await handler.Handle(item, ct);
            await inbox.Complete(item.Id, ct);
            metrics.InboxProcessed(item.Platform);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var attempt = item.Attempts + 1;
            if (attempt >= settings.MaxInboxAttempts)
            {
                LogGaveUp(item.Id, item.Kind, attempt, e);
                metrics.InboxSetAside(item.Platform);
                await inbox.Fail(item.Id, e.Message, ct);
            }
            else
            {
                var delay = Backoff.Delay(attempt, settings.BaseBackoff, settings.MaxBackoff);
                LogRetrying(item.Id, item.Kind, attempt, delay, e);
                metrics.InboxRetried(item.Platform);
                await inbox.Retry(item.Id, e.Message, clock.GetUtcNow() + delay, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox item {Id} ({Kind}) failed on attempt {Attempt}; retrying in {Delay}")]
    private partial void LogRetrying(long id, string kind, int attempt, TimeSpan delay, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox item {Id} ({Kind}) failed {Attempt} times; set aside as failed")]
    private partial void LogGaveUp(long id, string kind, int attempt, Exception error);
}
