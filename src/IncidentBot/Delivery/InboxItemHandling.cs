using IncidentBot.Telemetry;
using Microsoft.Extensions.Options;

namespace IncidentBot.Delivery;

/// <summary>What became of a claimed request once its handler was called (or not).</summary>
internal enum InboxOutcome
{
    /// <summary>Handled: to be completed with the rest of its batch.</summary>
    Handled,

    /// <summary>Set aside as failed, already recorded: its thread goes on without it.</summary>
    SetAside,

    /// <summary>Failed and recorded for a retry after a backoff: its thread waits for it.</summary>
    Retrying,
}

/// <summary>
/// Calls the platform's handler for claimed requests. A request whose processing throws or outlives
/// <see cref="DeliveryOptions.HandlerTimeout"/> is retried with backoff; after <see cref="DeliveryOptions.MaxAttempts"/>
/// claims it is set aside as failed (kept, and logged).
/// </summary>
internal sealed partial class InboxItemHandling(
    Inbox inbox,
    IEnumerable<IInboxHandler> handlers,
    IOptions<DeliveryOptions> options,
    BotMetrics metrics,
    TimeProvider clock,
    ILogger<InboxItemHandling> logger)
{
    private readonly Dictionary<string, IInboxHandler> byPlatform = handlers.ToDictionary(h => h.Platform, StringComparer.Ordinal);

    /// <summary>
    /// How many of the first requests of one thread's run its handler handled together (see
    /// <see cref="IInboxHandler.HandleTogether"/>); 0 when it did not, or failed: they are then handled one by one.
    /// </summary>
    public async Task<int> HandleTogether(IReadOnlyList<InboxItem> run, CancellationToken ct)
    {
        if (run.Count < 2 || run[0].Attempts > 1 || !byPlatform.TryGetValue(run[0].Platform, out var handler))
        {
            return 0;
        }

        using var span = BotTraces.InboxHandle(run[0].Platform, run[0].Kind, run[0].Id);
        using var scope = IncidentLogScope.Begin(logger);
        var handled = 0;
        var error = await WithTimeout(async token => handled = await handler.HandleTogether(run, token), ct);
        span?.SetTag("incidentbot.inbox.count", handled);
        if (error is not null)
        {
            LogTogetherFailed(run[0].Id, run[^1].Id, error);
            return 0;
        }

        return Math.Clamp(handled, 0, run.Count);
    }

    public async Task<InboxOutcome> Handle(InboxItem item, DatabaseOutage outage, CancellationToken ct)
    {
        var max = options.Value.EffectiveMaxAttempts;
        if (item.Attempts > max)
        {
            LogSetAsideUnfinished(item.Id, item.Kind, max);
            await outage.Persist(() => inbox.Fail(item, $"claimed {max} times without finishing", ct), ct);
            return InboxOutcome.SetAside;
        }

        if (!byPlatform.TryGetValue(item.Platform, out var handler))
        {
            await outage.Persist(() => inbox.Fail(item, $"no handler for platform '{item.Platform}'", ct), ct);
            return InboxOutcome.SetAside;
        }

        Exception? error;
        using (BotTraces.InboxHandle(item.Platform, item.Kind, item.Id))
        using (IncidentLogScope.Begin(logger))
        {
            error = await WithTimeout(token => handler.Handle(item, token), ct);
        }

        return error is null ? InboxOutcome.Handled : await Failed(item, error, outage, ct);
    }

    private async Task<InboxOutcome> Failed(InboxItem item, Exception error, DatabaseOutage outage, CancellationToken ct)
    {
        var settings = options.Value;
        if (item.Attempts >= settings.EffectiveMaxAttempts)
        {
            LogGaveUp(item.Id, item.Kind, item.Attempts, error);
            metrics.InboxSetAside(item.Platform);
            await outage.Persist(() => inbox.Fail(item, error.Message, ct), ct);
            return InboxOutcome.SetAside;
        }

        var delay = Backoff.Delay(item.Attempts, settings.BaseBackoff, settings.MaxBackoff);
        LogRetrying(item.Id, item.Kind, item.Attempts, delay, error);
        metrics.InboxRetried(item.Platform);
        await outage.Persist(() => inbox.Retry(item, error.Message, clock.GetUtcNow() + delay, ct), ct);
        return InboxOutcome.Retrying;
    }

    /// <summary>Null when the handler finished; else why not. A handler ignoring its token is not waited for past the timeout.</summary>
    private async Task<Exception?> WithTimeout(Func<CancellationToken, Task> handle, CancellationToken ct)
    {
        var timeout = options.Value.HandlerTimeout;
        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await handle(linked.Token).WaitAsync(linked.Token);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox items {Id} to {LastId} (one thread) could not be handled together; handling them one by one")]
    private partial void LogTogetherFailed(long id, long lastId, Exception error);
}
