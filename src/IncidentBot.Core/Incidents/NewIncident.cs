namespace IncidentBot.Core.Incidents;

/// <summary>
/// What the store needs to open an incident. <see cref="RequestKey"/> identifies the command that declared it,
/// so that processing the same request twice (after a crash) finds the first incident instead of opening a second.
/// An incident opened by an alert has no owner yet, its <see cref="ImpactStartedAt"/> is the alert's start, and
/// <see cref="AlertKey"/> (source and group key or fingerprint) lets later notifications of that alert find it.
/// </summary>
public sealed record NewIncident(
    string RequestKey,
    string Title,
    int? Severity,
    string? Area,
    string DeclaredBy,
    string? Owner,
    DateTimeOffset DeclaredAt,
    string Platform,
    string Channel,
    DateTimeOffset? ImpactStartedAt = null,
    string? AlertKey = null,
    bool IsPrivate = false);
