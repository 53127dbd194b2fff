using IncidentBot.Core.Incidents;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Insights;

/// <summary>
/// How response is trending, from incidents and their timelines: per week (Monday 00:00 UTC, by declaration) the median
/// and 90th percentile of each response time (<see cref="Measures"/>, measured as the postmortem measures them),
/// incidents per area and severity, how often a rollback was chosen and whether it restored service, and handoffs per
/// incident. Only incidents declared in the window count; private ones are left out by the caller if need be.
/// </summary>
public static class ResponseInsights
{
    public const int Weeks = 26;

    public static readonly IReadOnlyList<string> Measures = ["detect", "acknowledge", "first status update", "mitigate", "resolve"];

    public static Insights Of(IReadOnlyList<(Incident Incident, IReadOnlyList<TimelineEntry> Timeline)> incidents, DateTimeOffset now)
    {
        var thisWeek = WeekOf(now);
        var first = thisWeek.AddDays(-7 * (Weeks - 1));
        var inWindow = incidents.Where(i => i.Incident.DeclaredAt >= first && i.Incident.DeclaredAt < thisWeek.AddDays(7)).ToList();
        var figures = inWindow.Select(i => (i.Incident, i.Timeline, Figures: PostmortemFigures.Of(i.Incident, i.Timeline))).ToList();

        var weeks = Enumerable.Range(0, Weeks).Select(w => first.AddDays(7 * w)).Select(start =>
        {
            var of = figures.Where(f => WeekOf(f.Incident.DeclaredAt) == start).ToList();
            var stats = Measures.ToDictionary(m => m, m => Stat(of.Select(f => Time(m, f.Figures)).OfType<TimeSpan>().ToList()));
            return new WeekInsights(start, of.Count, stats);
        }).ToList();

        var rolledBack = inWindow.Where(i => i.Timeline.Any(e => !e.Deleted && e.SourceId == RollbackEntries.Decided("yes"))).ToList();
        return new Insights(
            first,
            weeks,
            Count(inWindow.Select(i => i.Incident.Area ?? "none")),
            Count(inWindow.Select(i => i.Incident.Severity is { } s ? $"SEV{s}" : "not set")),
            new RollbackInsights(
                inWindow.Count,
                rolledBack.Count,
                rolledBack.Count(i => i.Timeline.Any(e => !e.Deleted && e.SourceId == RollbackEntries.RestoredYes)),
                rolledBack.Count(i => i.Timeline.Any(e => !e.Deleted && e.SourceId == RollbackEntries.RestoredNo))),
            inWindow.Count == 0 ? 0 : inWindow.Sum(i => i.Timeline.Count(IsHandoff)) / (double)inWindow.Count);
    }

    /// <summary>The Monday 00:00 UTC that starts the week of <paramref name="at"/>.</summary>
    public static DateTimeOffset WeekOf(DateTimeOffset at)
    {
        var day = at.UtcDateTime.Date;
        var sinceMonday = ((int)day.DayOfWeek + 6) % 7;
        return new DateTimeOffset(day.AddDays(-sinceMonday), TimeSpan.Zero);
    }

    /// <summary>A change of owner that took effect: an accepted handoff, or an owner set outright.</summary>
    private static bool IsHandoff(TimelineEntry e) =>
        !e.Deleted && e.Kind == TimelineKind.Handoff
        && (e.SourceId.StartsWith("handoff-accepted:", StringComparison.Ordinal) || e.SourceId.StartsWith("owner:", StringComparison.Ordinal));

    private static TimeSpan? Time(string measure, PostmortemFigures f) => measure switch
    {
        "detect" => f.TimeToDetect,
        "acknowledge" => f.Acknowledged - f.Declared,
        "first status update" => f.FirstStatusUpdate - f.Declared,
        "mitigate" => f.Mitigated - f.Declared,
        _ => f.Resolved - f.Declared,
    };

    private static Stat Stat(List<TimeSpan> values) =>
        new(values.Count, Percentiles.Median(values), Percentiles.NearestRank(values, 90));

    private static IReadOnlyList<(string Key, int Count)> Count(IEnumerable<string> keys) =>
        [.. keys.GroupBy(k => k).Select(g => (g.Key, g.Count())).OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal)];
}

/// <summary>The figures of <see cref="ResponseInsights.Of"/>; <see cref="From"/> is the first week's Monday.</summary>
public sealed record Insights(
    DateTimeOffset From,
    IReadOnlyList<WeekInsights> Weeks,
    IReadOnlyList<(string Key, int Count)> ByArea,
    IReadOnlyList<(string Key, int Count)> BySeverity,
    RollbackInsights Rollbacks,
    double HandoffsPerIncident);

/// <summary>One week: how many incidents were declared, and per measure the median and 90th percentile.</summary>
public sealed record WeekInsights(DateTimeOffset Start, int Incidents, IReadOnlyDictionary<string, Stat> Times);

/// <summary>How many values a statistic is over, the median and the 90th percentile (null without values).</summary>
public sealed record Stat(int Count, TimeSpan? Median, TimeSpan? P90);

/// <summary>Of <see cref="Incidents"/>, how many were rolled back, and after how many of those service came back or did not.</summary>
public sealed record RollbackInsights(int Incidents, int RolledBack, int Restored, int NotRestored)
{
    public double Share => Incidents == 0 ? 0 : RolledBack / (double)Incidents;
}
