namespace IncidentBot.Delivery;

/// <summary>Section <c>Delivery</c>: how the inbox and outbox workers poll and back off.</summary>
internal sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>How often the workers look for work another instance, or a previous run, stored.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First retry delay; doubles with each attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a message keeps being retried while its platform is down, before it is set aside as failed.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a worker owns a claimed request before another may take it over (a crashed worker).</summary>
    public TimeSpan InboxLease { get; set; } = TimeSpan.FromMinutes(2);

    public int MaxInboxAttempts { get; set; } = 10;

    /// <summary>Slack's documented pace: about one message per second per channel.</summary>
    public TimeSpan ChannelPace { get; set; } = TimeSpan.FromSeconds(1);

    public static IEnumerable<string> Validate(DeliveryOptions o)
    {
        foreach (var (name, value) in new[] { ("PollInterval", o.PollInterval), ("BaseBackoff", o.BaseBackoff), ("MaxBackoff", o.MaxBackoff), ("GiveUpAfter", o.GiveUpAfter), ("InboxLease", o.InboxLease) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{Section}:{name} must be more than zero, was {value}.";
            }
        }

        if (o.ChannelPace < TimeSpan.Zero)
        {
            yield return $"{Section}:ChannelPace must not be negative, was {o.ChannelPace}.";
        }

        if (o.MaxInboxAttempts < 1)
        {
            yield return $"{Section}:MaxInboxAttempts must be at least 1, was {o.MaxInboxAttempts}.";
        }
    }
}
