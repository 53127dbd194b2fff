using IncidentBot.Telemetry;
using Microsoft.Extensions.Options;

namespace IncidentBot.Delivery;

/// <summary>
/// Processes stored requests one at a time, in arrival order (per thread across instances, see <see cref="Inbox"/>).
/// A request whose processing throws or outlives <see cref="DeliveryOptions.HandlerTimeout"/> is retried with backoff;
/// after <see cref="DeliveryOptions.MaxAttempts"/> claims it is set aside as failed (kept, and logged). While the
/// database is unreachable the worker backs off and resumes by itself: it never ends the process.
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
        using var wake = signal.Subscribe();
        var outage = new DatabaseOutage(settings, clock, logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var item = await inbox.ClaimNext(settings.InboxLease, stoppingToken);
                outage.Ended();
                if (item is null)
                {
                    await wake.Wait(settings.PollInterval, clock, stoppingToken);
                    continue;
                }

                await Process(item, settings, outage, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                await outage.Wait("the inbox worker", e, stoppingToken);
            }
        }
    }

    private async Task Process(InboxItem item, DeliveryOptions settings, DatabaseOutage outage, CancellationToken ct)
    {
        var max = settings.EffectiveMaxAttempts;
        if (item.Attempts > max)
        {
            LogSetAsideUnfinished(item.Id, item.Kind, max);
            await outage.Persist(() => inbox.Fail(item, $"claimed {max} times without finishing", ct), ct);
            return;
        }

        if (!byPlatform.TryGetValue(item.Platform, out var handler))
        {
            await outage.Persist(() => inbox.Fail(item, $"no handler for platform '{item.Platform}'", ct), ct);
            return;
        }

        using var span = BotTraces.InboxHandle(item.Platform, item.Kind, item.Id);
        using var scope = IncidentLogScope.Begin(logger);
        var error = await Handle(handler, item, settings.HandlerTimeout, ct);
        if (error is null)
        {
            await outage.Persist(() => inbox.Complete(item, ct), ct);
            metrics.InboxProcessed(item.Platform);
        }
        else if (item.Attempts >= max)
        {
            LogGaveUp(item.Id, item.Kind, item.Attempts, error);
            metrics.InboxSetAside(item.Platform);
            await outage.Persist(() => inbox.Fail(item, error.Message, ct), ct);
        }
        else
        {
            var delay = Backoff.Delay(item.Attempts, settings.BaseBackoff, settings.MaxBackoff);
            LogRetrying(item.Id, item.Kind, item.Attempts, delay, error);
            metrics.InboxRetried(item.Platform);
            await outage.Persist(() => inbox.Retry(item, error.Message, clock.GetUtcNow() + delay, ct), ct);
        }
    }

    /// <summary>Null when the handler finished; else why not. A handler ignoring its token is not waited for past the timeout.</summary>
    private async Task<Exception?> Handle(IInboxHandler handler, InboxItem item, TimeSpan timeout, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await handler.Handle(item, linked.Token).WaitAsync(linked.Token);
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new TimeoutException($"processing took longer than Delivery:HandlerTimeout ({timeout})");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return e;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox item {Id} ({Kind}) failed on attempt {Attempt}; retrying in {Delay}")]
    private partial void LogRetrying(long id, string kind, int attempt, TimeSpan delay, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox item {Id} ({Kind}) failed {Attempt} times; set aside as failed")]
    private partial void LogGaveUp(long id, string kind, int attempt, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox item {Id} ({Kind}) was claimed {Max} times without finishing (it may crash the process); set aside as failed")]
    private partial void LogSetAsideUnfinished(long id, string kind, int max);
}
