namespace IncidentBot.Delivery;

/// <summary>Exponential backoff with jitter, so that many waiting messages do not all retry in the same instant.</summary>
internal static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var raw = baseDelay.TotalMilliseconds * Math.Pow(2, exponent);
        var capped = Math.Min(raw, maxDelay.TotalMilliseconds);
        // Up to 20% less, never more, so the cap is a real cap.
        var jittered = capped * (1 - (Random.Shared.NextDouble() * 0.2));
        return TimeSpan.FromMilliseconds(jittered);
    }
}
