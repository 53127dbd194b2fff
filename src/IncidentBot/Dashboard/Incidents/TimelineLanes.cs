using IncidentBot.Core.Runbook;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Dashboard.Incidents;

/// <summary>
/// The lanes of the timeline picture, each a group of timeline kinds, and which entries stand out. Kinds not named
/// here (declared, resolved, actions, alerts, checklist steps, reminders, severity and impact-start changes) go in
/// the last lane, so that every entry has a mark.
/// </summary>
internal static class TimelineLanes
{
    public static readonly IReadOnlyList<(string Key, string Label)> All =
    [
        ("messages", "Messages"),
        ("paging", "Paging & acks"),
        ("decisions", "Decisions & rollback"),
        ("status", "Status updates"),
        ("handoffs", "Handoffs"),
        ("other", "Other"),
    ];

    public static string Of(TimelineEntry entry) => entry.Kind switch
    {
        TimelineKind.Message => "messages",
        TimelineKind.Paged or TimelineKind.Acknowledged or TimelineKind.Escalated => "paging",
        TimelineKind.Decision => "decisions",
        TimelineKind.Status => "status",
        TimelineKind.Handoff => "handoffs",
        _ => "other",
    };

    /// <summary>Pinned replies, the declaration and resolution, and whether a rollback restored service.</summary>
    public static bool IsKey(TimelineEntry entry) =>
        entry.Key
        || entry.Kind is TimelineKind.Declared or TimelineKind.Resolved
        || entry.SourceId is RollbackEntries.RestoredYes or RollbackEntries.RestoredNo;
}
