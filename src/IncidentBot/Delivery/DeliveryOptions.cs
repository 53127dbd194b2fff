namespace IncidentBot.Delivery;

/// <summary>Section <c>Delivery</c>: how the inbox and outbox workers claim, poll, time out and back off.</summary>
internal sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    private const int DefaultMaxAttempts = 10;

    /// <summary>How often the workers look for work another instance, or a previous run, stored.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First retry delay; doubles with each attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a message keeps being retried while its platform is down, before it is set aside as failed.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The longest a claim on a stored request lasts even while its instance is alive: only a handler stuck past
    /// <see cref="HandlerTimeout"/> ever reaches it. A dead instance's claims go after <see cref="InstanceTimeout"/>.
    /// </summary>
    public TimeSpan InboxLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Claims of one stored request before it is set aside (a request that kills the process counts too).</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>The earlier name of <see cref="MaxAttempts"/>, still read when that is not set.</summary>
    public int? MaxInboxAttempts { get; set; }

    public int EffectiveMaxAttempts => MaxAttempts ?? MaxInboxAttempts ?? DefaultMaxAttempts;

    /// <summary>
    /// The most stored requests claimed and completed together: a burst of one thread's replies is taken as a run and
    /// appended in one transaction, and requests outside threads are taken several at a time. 1 takes them one by one.
    /// </summary>
    public int InboxBatch { get; set; } = 100;

    /// <summary>How long processing one stored request may take before it is cancelled and retried.</summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Names this instance's claims; stable across restarts so a restart takes its own claims back at once.</summary>
    public string? InstanceId { get; set; }

    /// <summary>How often a running instance says it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After this long without a heartbeat an instance counts as dead and its claims are taken over.</summary>
    public TimeSpan InstanceTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Inbound requests waiting to be stored before a new one is refused with 503 and Retry-After (Slack and the Bot
    /// Connector retry it): past this, storing cannot keep up and an acknowledgement would come after Slack's deadline.
    /// </summary>
    public int MaxWaitingAcks { get; set; } = Inbox.DefaultMaxWaiting;

    /// <summary>
    /// The longest the oldest waiting request may have waited to be stored before new ones are refused the same way:
    /// it keeps the acknowledgements of the requests taken well inside Slack's 3 seconds when storing slows down.
    /// </summary>
    public TimeSpan MaxAckWait { get; set; } = Inbox.DefaultMaxWait;

    /// <summary>Slack's documented pace: about one message per second per channel.</summary>
    public TimeSpan ChannelPace { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Per destination (<c>slack</c>, <c>teams</c>, <c>pagerduty</c>, <c>statuspage</c>, <c>rollback</c>).</summary>
    public Dictionary<string, DestinationOptions> Destinations { get; set; } = [];

    public DestinationOptions For(string platform) =>
        Destinations.FirstOrDefault(d => d.Key.Equals(platform, StringComparison.OrdinalIgnoreCase)).Value ?? new DestinationOptions();

    public static IEnumerable<string> Validate(DeliveryOptions o)
    {
        var positive = new[]
        {
            ("PollInterval", o.PollInterval), ("BaseBackoff", o.BaseBackoff), ("MaxBackoff", o.MaxBackoff), ("GiveUpAfter", o.GiveUpAfter),
            ("InboxLease", o.InboxLease), ("HandlerTimeout", o.HandlerTimeout), ("HeartbeatInterval", o.HeartbeatInterval),
            ("MaxAckWait", o.MaxAckWait),
        };
        foreach (var (name, value) in positive.Where(p => p.Item2 <= TimeSpan.Zero))
        {
            yield return $"{Section}:{name} must be more than zero, was {value}.";
        }

        if (o.InstanceTimeout < o.HeartbeatInterval * 3)
        {
            yield return $"{Section}:InstanceTimeout must be at least three heartbeats ({o.HeartbeatInterval * 3}), was {o.InstanceTimeout}.";
        }

        if (o.InboxBatch is < 1 or > 1000)
        {
            yield return $"{Section}:InboxBatch must be 1 to 1000, was {o.InboxBatch}.";
        }

        if (o.MaxWaitingAcks < 1)
        {
            yield return $"{Section}:MaxWaitingAcks must be at least 1, was {o.MaxWaitingAcks}.";
        }

        if (o.ChannelPace < TimeSpan.Zero)
        {
            yield return $"{Section}:ChannelPace must not be negative, was {o.ChannelPace}.";
        }

        if (o.EffectiveMaxAttempts < 1)
        {
            yield return $"{Section}:MaxAttempts must be at least 1, was {o.EffectiveMaxAttempts}.";
        }

        if (o.InstanceId is { } id && (id.Trim().Length == 0 || id.Length > 200))
        {
            yield return $"{Section}:InstanceId must be 1 to 200 characters and not blank, was '{id}'.";
        }

        foreach (var (platform, destination) in o.Destinations)
        {
            foreach (var error in DestinationOptions.Validate($"{Section}:Destinations:{platform}", destination))
            {
                yield return error;
            }
        }
    }
}
