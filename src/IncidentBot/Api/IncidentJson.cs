using System.Text.Json.Serialization;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Api;

/// <summary>
/// The incident as the API shows it: camelCase, statuses in lower case. <see cref="Private"/> flags a private incident;
/// <see cref="PublicTitle"/> is its name on the status page (null until its first public update, always for a private one).
/// </summary>
internal sealed record IncidentJson(
    string Id,
    string Title,
    string Status,
    int? Severity,
    string? Area,
    string? Owner,
    string DeclaredBy,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? ResolvedAt,
    ThreadJson Thread,
    bool Private,
    string? PublicTitle,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TimelineEntryJson>? Timeline = null)
{
    public static IncidentJson From(Incident i, IReadOnlyList<TimelineEntry>? timeline = null) => new(
        i.Id, i.Title, i.Status.ToString().ToLowerInvariant(), i.Severity, i.Area, i.Owner, i.DeclaredBy, i.DeclaredAt, i.ResolvedAt,
        new ThreadJson(i.Thread.Platform, i.Thread.Channel, i.Thread.Id),
        i.IsPrivate,
        i.PublicTitle,
        timeline?.Select(TimelineEntryJson.From).ToList());
}

internal sealed record ThreadJson(string Platform, string Channel, string? Id);

internal sealed record TimelineEntryJson(
    DateTimeOffset At,
    string Kind,
    string Actor,
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Deleted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? EditedAt)
{
    public static TimelineEntryJson From(TimelineEntry e) =>
        new(e.At, e.Kind, e.Actor, e.Text, e.Deleted ? true : null, e.EditedAt);
}
