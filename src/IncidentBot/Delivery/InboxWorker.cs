using Microsoft.Extensions.Options;

namespace IncidentBot.Delivery;

/// <summary>
/// Processes stored requests in batches: it claims the oldest claimable requests together (several threads' heads and
/// the runs of replies behind them, see <see cref="InboxClaim"/>), handles each thread's requests in arrival order, and
/// completes the handled ones in one transaction, so each batch costs the database a few short transactions instead of
/// several per request. One loop per instance: requests without an ordering key (Teams activities) rely on it for their
/// order. While the database is unreachable it backs off and resumes by itself: it never ends the process.
/// </summary>
internal sealed class InboxWorker(
    Inbox inbox,
    InboxSignal signal,
    InboxBatchProcessing processing,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<InboxWorker> logger) : BackgroundService
{
    // On a thread of its own, so its work never queues among the acknowledgements' (see WorkerThread).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => WorkerThread.Run("inbox worker", () => Loop(stoppingToken));

    private async Task Loop(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var wake = signal.Subscribe();
        var outage = new DatabaseOutage(settings, clock, logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await inbox.Claim(settings.InboxLease, settings.InboxBatch, stoppingToken);
                outage.Ended();
                if (batch.Count == 0)
                {
                    await wake.Wait(settings.PollInterval, clock, stoppingToken);
                    continue;
                }

                await processing.Process(batch, outage, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                await outage.Wait("the inbox worker", e, stoppingToken);
            }
        }
    }
}
