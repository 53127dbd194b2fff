namespace IncidentBot.Slack.SocketMode;

/// <summary>Section <c>Slack:SocketMode</c>: how connections are kept healthy. Only used when <c>Slack:AppToken</c> is set.</summary>
internal sealed class SocketModeOptions
{
    public const string Section = "Slack:SocketMode";

    /// <summary>A connection that has not said hello by then is given up and another one opened.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first wait after a failed connection or a dropped socket; it doubles (with jitter) on each failure in a row.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts; a connection that stayed up this long also resets the doubling.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A socket whose pings go unanswered this long is treated as dropped.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public static IEnumerable<string> Validate(SocketModeOptions o)
    {
        foreach (var (name, value) in new[]
        {
            (nameof(HelloTimeout), o.HelloTimeout),
            (nameof(ReconnectBaseDelay), o.ReconnectBaseDelay),
            (nameof(ReconnectMaxDelay), o.ReconnectMaxDelay),
            (nameof(KeepAliveInterval), o.KeepAliveInterval),
            (nameof(KeepAliveTimeout), o.KeepAliveTimeout),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{Section}:{name} must be more than zero, was '{value}'.";
            }
        }

        if (o.ReconnectBaseDelay > o.ReconnectMaxDelay)
        {
            yield return $"{Section}:ReconnectBaseDelay ({o.ReconnectBaseDelay}) must not be more than {Section}:ReconnectMaxDelay ({o.ReconnectMaxDelay}).";
        }
    }
}
