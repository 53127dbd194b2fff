namespace IncidentBot.Delivery;

/// <summary>
/// Section <c>Delivery:Destinations:&lt;platform&gt;</c>: each destination has its own sender, so a slow one only
/// slows itself. Messages of one ordering key (a thread) still go one at a time, whatever the concurrency.
/// </summary>
internal sealed class DestinationOptions
{
    public const int MaxConcurrency = 64;

    /// <summary>How many messages (of different ordering keys) are sent at once.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How long one send may take before it counts as failed and is retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public static IEnumerable<string> Validate(string section, DestinationOptions o)
    {
        if (o.Concurrency is < 1 or > MaxConcurrency)
        {
            yield return $"{section}:Concurrency must be 1 to {MaxConcurrency}, was {o.Concurrency}.";
        }

        if (o.Timeout <= TimeSpan.Zero)
        {
            yield return $"{section}:Timeout must be more than zero, was {o.Timeout}.";
        }
    }
}
