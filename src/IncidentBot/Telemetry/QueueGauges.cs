using System.Diagnostics.Metrics;
using IncidentBot.Delivery;
using IncidentBot.Persistence;
using Microsoft.Extensions.Options;

namespace IncidentBot.Telemetry;

/// <summary>
/// Gauges of what waits in the database: inbox and outbox depth, the age of the oldest message not yet delivered, and
/// what was set aside. Sampled every <see cref="DeliveryOptions.PollInterval"/>, the pace at which the workers look at
/// the same tables, rather than queried inside a scrape: a slow database must not hold up <c>/metrics</c>. The values
/// are the database's, so every instance reports the same numbers (take the max across instances, not the sum).
/// </summary>
internal sealed partial class QueueGauges : BackgroundService
{
    private readonly Database database;
    private readonly IOptions<DeliveryOptions> options;
    private readonly TimeProvider clock;
    private readonly ILogger<QueueGauges> logger;
    private readonly string[] inboxPlatforms;
    private readonly string[] destinations;
    private volatile QueueDepths depths = QueueDepths.Empty;

    public QueueGauges(
        Database database, IOptions<DeliveryOptions> options, TimeProvider clock, ILogger<QueueGauges> logger,
        IMeterFactory meters, IEnumerable<IInboxHandler> handlers, IEnumerable<IOutboxDeliverer> deliverers)
    {
        (this.database, this.options, this.clock, this.logger) = (database, options, clock, logger);
        // Every platform and destination is reported, at 0 when empty, so a drained queue reads 0 rather than vanishing.
        inboxPlatforms = [.. handlers.Select(h => h.Platform).Distinct()];
        destinations = [.. deliverers.Select(d => d.Platform).Distinct()];

        var meter = meters.Create(BotMetrics.MeterName);
        meter.CreateObservableGauge("incidentbot_inbox_pending", () => Per(inboxPlatforms, depths.InboxPending, "platform"), "{request}",
            "Inbound requests stored and not yet processed");
        meter.CreateObservableGauge("incidentbot_inbox_set_aside_stored", () => Per(inboxPlatforms, depths.InboxSetAside, "platform"), "{request}",
            "Inbound requests set aside as failed and still stored, for someone to inspect");
        meter.CreateObservableGauge("incidentbot_outbox_pending", () => Per(destinations, depths.OutboxPending, "destination"), "{message}",
            "Outgoing messages stored and not yet delivered");
        meter.CreateObservableGauge("incidentbot_outbox_oldest_pending_age", OldestAges, "s",
            "How long the oldest undelivered message has waited (0 when none waits)");
        meter.CreateObservableGauge("incidentbot_outbox_set_aside_stored", () => Per(destinations, depths.OutboxSetAside, "destination"), "{message}",
            "Outgoing messages set aside as failed and still stored, for someone to inspect");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                depths = await QueueDepths.Read(database, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The readiness probe reports the database; the gauges keep their last values meanwhile.
                LogSampleFailed(e.Message);
            }

            await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
        }
    }

    private static IEnumerable<Measurement<long>> Per(string[] names, IReadOnlyDictionary<string, long> counts, string tag) =>
        names.Union(counts.Keys).Select(name => new Measurement<long>(counts.GetValueOrDefault(name), new KeyValuePair<string, object?>(tag, name)));

    private IEnumerable<Measurement<double>> OldestAges()
    {
        var now = clock.GetUtcNow();
        var oldest = depths.OutboxOldestPending;
        return destinations.Union(oldest.Keys).Select(name => new Measurement<double>(
            oldest.TryGetValue(name, out var at) ? Math.Max(0, (now - at).TotalSeconds) : 0,
            new KeyValuePair<string, object?>("destination", name)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the queue depths for the metrics: {Error}")]
    private partial void LogSampleFailed(string error);
}
