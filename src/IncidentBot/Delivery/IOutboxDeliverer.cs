namespace IncidentBot.Delivery;

/// <summary>Sends queued messages of one platform over its API, and says how it went.</summary>
internal interface IOutboxDeliverer
{
    string Platform { get; }

    Task<DeliveryOutcome> Deliver(OutboxMessage message, CancellationToken ct);
}

/// <summary>The outcome of one delivery attempt.</summary>
internal abstract record DeliveryOutcome
{
    /// <summary>
    /// Delivered; <paramref name="Result"/> is kept (a Slack message ts, say). <paramref name="OpensThread"/>: the message
    /// was the incident's thread root and <paramref name="Result"/> is the thread's id, recorded with the result.
    /// </summary>
    public sealed record Sent(string? Result, bool OpensThread = false) : DeliveryOutcome;

    /// <summary>
    /// Worth trying again: after <paramref name="After"/> when the platform said so, else with backoff.
    /// <paramref name="NotSent"/>: this attempt certainly did not reach the destination (refused with a rate limit,
    /// or given up before sending), so it gives the next attempt no reason to look for it first.
    /// </summary>
    public sealed record Retry(string Error, TimeSpan? After = null, bool NotSent = false) : DeliveryOutcome;

    /// <summary>Will never succeed (a missing channel, a revoked token): set aside and logged.</summary>
    public sealed record Failed(string Error) : DeliveryOutcome;
}
