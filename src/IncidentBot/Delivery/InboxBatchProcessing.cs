using IncidentBot.Telemetry;
using Microsoft.Extensions.Options;

namespace IncidentBot.Delivery;

/// <summary>
/// Handles one claimed batch. Each thread's requests are handled in order, the others one by one; a request that fails
/// is retried (or set aside) alone, and the requests behind it in its thread are given back untried, so the thread
/// waits for it. Handled requests are completed together in one transaction at the end. No request is started when
/// the claim could run out before its <see cref="DeliveryOptions.HandlerTimeout"/> would: the rest are given back.
/// </summary>
internal sealed class InboxBatchProcessing(
    Inbox inbox,
    InboxItemHandling handling,
    IOptions<DeliveryOptions> options,
    BotMetrics metrics,
    TimeProvider clock)
{
    public async Task Process(IReadOnlyList<InboxItem> batch, DatabaseOutage outage, CancellationToken ct)
    {
        var settings = options.Value;
        var lastStart = clock.GetUtcNow() + settings.InboxLease - settings.HandlerTimeout;
        var done = new List<InboxItem>();
        var untried = new List<InboxItem>();
        var started = false;
        foreach (var run in Runs(batch))
        {
            if (started && clock.GetUtcNow() > lastStart)
            {
                untried.AddRange(run);
                continue;
            }

            started = true;
            await ProcessRun(run, done, untried, outage, lastStart, ct);
        }

        await outage.Persist(async () => await inbox.Complete(done, ct) == done.Count, ct);
        done.ForEach(item => metrics.InboxProcessed(item.Platform));
        await outage.Persist(async () => await inbox.Release(untried, ct) == untried.Count, ct);
    }

    private async Task ProcessRun(
        IReadOnlyList<InboxItem> run, List<InboxItem> done, List<InboxItem> untried, DatabaseOutage outage, DateTimeOffset lastStart, CancellationToken ct)
    {
        var next = await handling.HandleTogether(run, ct);
        done.AddRange(run.Take(next));
        for (; next < run.Count; next++)
        {
            if (next > 0 && clock.GetUtcNow() > lastStart)
            {
                break;
            }

            var outcome = await handling.Handle(run[next], outage, ct);
            if (outcome == InboxOutcome.Handled)
            {
                done.Add(run[next]);
            }
            else if (outcome == InboxOutcome.Retrying)
            {
                next++;
                break;
            }
        }

        untried.AddRange(run.Skip(next));
    }

    /// <summary>The batch's threads, each in arrival order, and each request outside a thread on its own, oldest first.</summary>
    private static IEnumerable<IReadOnlyList<InboxItem>> Runs(IReadOnlyList<InboxItem> batch) =>
        batch.GroupBy(item => item.OrderingKey ?? $"#{item.Id}", StringComparer.Ordinal)
            .Select(thread => (IReadOnlyList<InboxItem>)[.. thread.OrderBy(item => item.Id)])
            .OrderBy(thread => thread[0].Id);
}
