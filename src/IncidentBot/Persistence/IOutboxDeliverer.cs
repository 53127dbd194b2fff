namespace IncidentBot.Persistence;

/// <summary>Sends queued messages of one platform over its API, and says how it went.</summary>
internal interface IOutboxDeliverer
{
    string Platform { get; }

    Task<Delivery> Deliver(OutboxMessage message, CancellationToken ct);
}

/// <summary>The outcome of one delivery attempt.</summary>
internal abstract record Delivery
{
    /// <summary>Delivered; <paramref name="Result"/> is kept (a Slack message ts, say).</summary>
    public sealed record Sent(string? Result) : Delivery;

    /// <summary>Worth trying again: after <paramref name="After"/> when the platform said so, else with backoff.</summary>
    public sealed record Retry(string Error, TimeSpan? After = null) : Delivery;

    /// <summary>Will never succeed (a missing channel, a revoked token): set aside and logged.</summary>
    public sealed record Failed(string Error) : Delivery;
}
