namespace IncidentBot.Core.Incidents;

/// <summary>
/// An outage being handled, as the core sees it: no platform types, only ids as strings. <see cref="Verification"/>,
/// <see cref="RootCause"/> and <see cref="Resolution"/> are written when it is resolved, for the postmortem.
/// <see cref="ImpactStartedAt"/> is when users were first affected, when known (an alert's start, or <c>started</c>):
/// the time to detect runs from it to the declaration.
/// <see cref="Impact"/> is who was affected and how, in people's words (written on the dashboard) for the postmortem.
/// <see cref="PublicTitle"/> is set by its first public status update; until then, and always for a private
/// incident, nothing about it is public.
/// </summary>
public sealed record Incident(
    long Number,
    string Title,
    IncidentStatus Status,
    int? Severity,
    string? Area,
    string? Owner,
    string DeclaredBy,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? ResolvedAt,
    ChatThread Thread,
    DateTimeOffset? AcknowledgedAt = null,
    string? Verification = null,
    string? RootCause = null,
    string? Resolution = null,
    DateTimeOffset? ImpactStartedAt = null,
    bool IsPrivate = false,
    string? PublicTitle = null,
    string? Impact = null)
{
    public string Id => IncidentId.Format(Number);

    /// <summary>Whether the status page and Statuspage may show it: not private, and published on purpose.</summary>
    public bool IsPublished => !IsPrivate && PublicTitle is not null;

    public bool IsOpen => Status != IncidentStatus.Resolved;
}

/// <summary>Where an incident's thread lives. <see cref="Id"/> is null until the platform has posted the root message.</summary>
public sealed record ChatThread(string Platform, string Channel, string? Id);

public enum IncidentStatus
{
    Investigating,
    Identified,
    Monitoring,
    Resolved,
}
