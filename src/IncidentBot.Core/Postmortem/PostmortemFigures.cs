using System.Globalization;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Postmortem;

/// <summary>
/// The times a postmortem reports, each measured from the declaration, except the time to detect, which runs from the
/// impact start (<see cref="ImpactStart"/>, when known) to the declaration; null when it has not happened (yet).
/// <see cref="Mitigated"/> is the rollback that restored service, the runbook's first move; <see cref="RollbackFailed"/>
/// tells "tried, did not help" from "not tried".
/// </summary>
public sealed record PostmortemFigures(
    DateTimeOffset Declared,
    DateTimeOffset? Acknowledged,
    DateTimeOffset? FirstStatusUpdate,
    DateTimeOffset? Mitigated,
    DateTimeOffset? Resolved,
    bool RollbackFailed = false,
    DateTimeOffset? ImpactStart = null)
{
    public static PostmortemFigures Of(Incident incident, IReadOnlyList<TimelineEntry> timeline)
    {
        var live = timeline.Where(e => !e.Deleted).OrderBy(e => e.At).ToList();

        // An owner set outright ends the wait for an acknowledgement too; the store keeps the first of either.
        var acknowledged = First(live, e => e.Kind == TimelineKind.Acknowledged) ?? incident.AcknowledgedAt;
        return new PostmortemFigures(
            incident.DeclaredAt,
            acknowledged,
            First(live, e => e.Kind == TimelineKind.Status),
            First(live, e => e.Kind == TimelineKind.Decision && e.SourceId == RollbackEntries.RestoredYes),
            incident.ResolvedAt,
            live.Any(e => e.Kind == TimelineKind.Decision && e.SourceId == RollbackEntries.RestoredNo),
            incident.ImpactStartedAt);
    }

    public TimeSpan? TimeToDetect => ImpactStart is { } start ? Declared - start : null;

    /// <summary>
    /// The time to detect, when it was longer than everything after the declaration: the time to resolve, or while
    /// open the longest figure recorded so far. Null otherwise, or when there is nothing to compare with.
    /// </summary>
    public (TimeSpan Detect, string Than, TimeSpan After)? DetectionWasLongest()
    {
        var after = Resolved is { } end
            ? ("it then took to resolve", end - Declared)
            : new[] { Acknowledged, FirstStatusUpdate, Mitigated }.Where(t => t is not null).Select(t => ("everything recorded since the declaration", t!.Value - Declared)).DefaultIfEmpty().MaxBy(p => p.Item2);
        return TimeToDetect is { } detect && after.Item1 is not null && detect > after.Item2 ? (detect, after.Item1, after.Item2) : null;
    }

    public IEnumerable<(string Figure, string Time, string At)> Rows()
    {
        yield return TimeToDetect is { } detect
            ? ("Time to detect", Duration(detect), PostmortemText.DateTime(ImpactStart!.Value))
            : ("Time to detect", "impact start not recorded", "-");
        yield return Row("Time to acknowledge", Acknowledged, "not acknowledged");
        yield return Row("Time to first status update", FirstStatusUpdate, "no status update recorded");
        yield return Row("Time to mitigate (rollback)", Mitigated, RollbackFailed ? "rollback did not restore service" : "no rollback recorded");
        yield return Row("Time to resolve", Resolved, "still open");
    }

    /// <summary>"23 min", "1 h 05 min": minutes are what incident reviews compare, so seconds are dropped.</summary>
    public static string Duration(TimeSpan span)
    {
        var minutes = (long)Math.Max(0, Math.Floor(span.TotalMinutes));
        return minutes switch
        {
            < 1 => "under 1 min",
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes} min"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60:00} min"),
        };
    }

    private (string, string, string) Row(string figure, DateTimeOffset? at, string missing) =>
        at is { } when ? (figure, Duration(when - Declared), PostmortemText.DateTime(when)) : (figure, missing, "-");

    private static DateTimeOffset? First(List<TimelineEntry> entries, Func<TimelineEntry, bool> match) =>
        entries.FirstOrDefault(match)?.At;
}
