using System.Diagnostics.Metrics;

namespace IncidentBot.Telemetry;

/// <summary>
/// The bot's own counters and histogram, named for what they count. Exported as Prometheus metrics with the unit and
/// <c>_total</c> added (<c>incidentbot_outbox_delivered_total</c>); the queue gauges are in <see cref="QueueGauges"/>.
/// </summary>
internal sealed class BotMetrics
{
    public const string MeterName = "IncidentBot";

    /// <summary>Slack gives up on an acknowledgement after 3 s: the buckets are fine below that and coarse above.</summary>
    private static readonly double[] AckBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];

    private readonly Counter<long> inboxProcessed;
    private readonly Counter<long> inboxRetries;
    private readonly Counter<long> inboxSetAside;
    private readonly Counter<long> outboxDelivered;
    private readonly Counter<long> outboxRetries;
    private readonly Counter<long> outboxSetAside;
    private readonly Counter<long> remindersFired;
    private readonly Histogram<double> ackLatency;

    public BotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        inboxProcessed = meter.CreateCounter<long>("incidentbot_inbox_processed", "{request}", "Stored inbound requests processed");
        inboxRetries = meter.CreateCounter<long>("incidentbot_inbox_retries", "{attempt}", "Inbound requests whose processing failed and will be retried");
        inboxSetAside = meter.CreateCounter<long>("incidentbot_inbox_set_aside", "{request}", "Inbound requests given up on after Delivery:MaxAttempts claims");
        outboxDelivered = meter.CreateCounter<long>("incidentbot_outbox_delivered", "{message}", "Outgoing messages the destination accepted");
        outboxRetries = meter.CreateCounter<long>("incidentbot_outbox_retries", "{attempt}", "Delivery attempts that failed and will be retried");
        outboxSetAside = meter.CreateCounter<long>("incidentbot_outbox_set_aside", "{message}", "Outgoing messages given up on (refused, or still failing after Delivery:GiveUpAfter)");
        remindersFired = meter.CreateCounter<long>("incidentbot_reminders_fired", "{reminder}", "Escalations, nudges and handoff nags that came due");
        ackLatency = meter.CreateHistogram(
            "incidentbot_ack_latency", "s", "Time from receiving a Slack or Teams request to answering it",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = AckBuckets });
    }

    public void InboxProcessed(string platform) => inboxProcessed.Add(1, Platform(platform));

    public void InboxRetried(string platform) => inboxRetries.Add(1, Platform(platform));

    public void InboxSetAside(string platform) => inboxSetAside.Add(1, Platform(platform));

    public void OutboxDelivered(string destination) => outboxDelivered.Add(1, Destination(destination));

    public void OutboxRetried(string destination) => outboxRetries.Add(1, Destination(destination));

    public void OutboxSetAside(string destination) => outboxSetAside.Add(1, Destination(destination));

    public void ReminderFired(string kind) => remindersFired.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Acknowledged(string platform, TimeSpan latency) => ackLatency.Record(latency.TotalSeconds, Platform(platform));

    private static KeyValuePair<string, object?> Platform(string platform) => new("platform", platform);

    private static KeyValuePair<string, object?> Destination(string destination) => new("destination", destination);
}
