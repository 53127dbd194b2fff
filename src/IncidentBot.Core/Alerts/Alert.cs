namespace IncidentBot.Core.Alerts;

/// <summary>
/// One alert from a monitoring system, as the core sees it whatever the source. <see cref="GroupKey"/> groups the
/// notifications that belong to one incident (Alertmanager's and Grafana's group key, the generic id), prefixed with
/// the source; <see cref="Fingerprint"/> tells one alert instance from another within the group.
/// </summary>
public sealed record Alert(
    string Source,
    string GroupKey,
    string Fingerprint,
    string Name,
    AlertStatus Status,
    DateTimeOffset StartsAt,
    string? Summary,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    string? Url)
{
    public string? Label(string name) => Labels.TryGetValue(name, out var value) ? value : null;

    /// <summary>The actor of everything the alert does: <c>alert HighErrorRate</c>.</summary>
    public string Actor => "alert " + Name;
}

public enum AlertStatus
{
    Firing,
    Resolved,
}

/// <summary>Where alerts open incidents and post: the incident channel of the first chat platform that has one.</summary>
public sealed record AlertDestination(string Platform, string Channel);
