using IncidentBot.Core.Incidents;
using IncidentBot.Core.Insights;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Insights;

public sealed class ResponseInsightsTests
{
    // Monday 2026-11-30 12:00 UTC; the window is the 26 weeks from Monday 2026-06-08.
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly int[] ResolveMinutes = [30, 60, 240];
    private static readonly DateTimeOffset LastWeek = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Medians_and_90th_percentiles_per_week_are_those_known_for_the_seeded_set()
    {
        // Last week, ten incidents acknowledged after 1..10 minutes: median 5.5 min, p90 (nearest rank 9 of 10) 9 min.
        var seeded = Enumerable.Range(1, 10).Select(n => Incident(n, LastWeek.AddHours(n), acknowledgeAfter: TimeSpan.FromMinutes(n))).ToList();
        // This week, three resolved after 30, 60 and 240 minutes: median 60, p90 (rank 3 of 3) 240; nobody acknowledged.
        seeded.AddRange(ResolveMinutes.Select((m, i) => Incident(20 + i, Now.AddHours(-i - 1), resolveAfter: TimeSpan.FromMinutes(m))));

        var insights = ResponseInsights.Of(seeded, Now);

        Assert.That(insights.Weeks, Has.Count.EqualTo(26));
        Assert.That(insights.From, Is.EqualTo(new DateTimeOffset(2026, 6, 8, 0, 0, 0, TimeSpan.Zero)));
        var last = insights.Weeks[^2];
        Assert.That(last.Start, Is.EqualTo(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(last.Times["acknowledge"], Is.EqualTo(new Stat(10, TimeSpan.FromMinutes(5.5), TimeSpan.FromMinutes(9))));
        var current = insights.Weeks[^1];
        Assert.That(current.Incidents, Is.EqualTo(3));
        Assert.That(current.Times["resolve"], Is.EqualTo(new Stat(3, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(240))));
        Assert.That(current.Times["acknowledge"], Is.EqualTo(new Stat(0, null, null)));
        Assert.That(insights.Weeks.Take(24).All(w => w.Incidents == 0), Is.True);
    }

    [Test]
    public void Time_to_detect_runs_from_the_impact_start_and_status_and_mitigation_from_their_entries()
    {
        var declared = LastWeek;
        var incident = Incident(1, declared, impactBefore: TimeSpan.FromMinutes(12), extra:
        [
            new TimelineEntry(declared.AddMinutes(7), TimelineKind.Status, "bob", "Investigating", "status:1"),
            new TimelineEntry(declared.AddMinutes(3), TimelineKind.Decision, "bob", "Roll back", RollbackEntries.Decided("yes")),
            new TimelineEntry(declared.AddMinutes(20), TimelineKind.Decision, "bob", "Restored", RollbackEntries.RestoredYes),
        ]);

        var week = ResponseInsights.Of([incident], Now).Weeks[^2];

        Assert.That(week.Times["detect"].Median, Is.EqualTo(TimeSpan.FromMinutes(12)));
        Assert.That(week.Times["first status update"].Median, Is.EqualTo(TimeSpan.FromMinutes(7)));
        Assert.That(week.Times["mitigate"].Median, Is.EqualTo(TimeSpan.FromMinutes(20)));
    }

    [Test]
    public void Areas_severities_rollbacks_and_handoffs_are_counted_over_the_window()
    {
        var rolledBackRestored = Incident(1, LastWeek, area: "payments", severity: 1, extra:
        [
            new TimelineEntry(LastWeek.AddMinutes(3), TimelineKind.Decision, "bob", "Roll back", RollbackEntries.Decided("yes")),
            new TimelineEntry(LastWeek.AddMinutes(9), TimelineKind.Decision, "bob", "Restored", RollbackEntries.RestoredYes),
            new TimelineEntry(LastWeek.AddMinutes(30), TimelineKind.Handoff, "bob", "Handoff: bob -> carol", "handoff:1"),
            new TimelineEntry(LastWeek.AddMinutes(40), TimelineKind.Handoff, "carol", "carol accepted", "handoff-accepted:handoff:1"),
            new TimelineEntry(LastWeek.AddMinutes(50), TimelineKind.Handoff, "dave", "Owner: carol -> dave", "owner:1"),
        ]);
        var rolledBackNotRestored = Incident(2, LastWeek.AddHours(1), area: "payments", severity: 2, extra:
        [
            new TimelineEntry(LastWeek.AddHours(1).AddMinutes(3), TimelineKind.Decision, "bob", "Roll back", RollbackEntries.Decided("yes")),
            new TimelineEntry(LastWeek.AddHours(1).AddMinutes(9), TimelineKind.Decision, "bob", "Not restored", RollbackEntries.RestoredNo),
        ]);
        var notRolledBack = Incident(3, LastWeek.AddHours(2), area: "search", severity: 2);
        var beforeTheWindow = Incident(4, new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), area: "search", severity: 2);

        var insights = ResponseInsights.Of([rolledBackRestored, rolledBackNotRestored, notRolledBack, beforeTheWindow], Now);

        Assert.That(insights.ByArea, Is.EqualTo(new[] { ("payments", 2), ("search", 1) }.AsEnumerable()));
        Assert.That(insights.BySeverity, Is.EqualTo(new[] { ("SEV2", 2), ("SEV1", 1) }.AsEnumerable()));
        Assert.That(insights.Rollbacks, Is.EqualTo(new RollbackInsights(3, 2, 1, 1)));
        Assert.That(insights.Rollbacks.Share, Is.EqualTo(2 / 3.0));
        Assert.That(insights.HandoffsPerIncident, Is.EqualTo(2 / 3.0), "the accepted handoff and the owner change; the proposal is not one");
    }

    [Test]
    public void Percentiles_of_nothing_are_null_and_of_one_value_are_that_value()
    {
        Assert.That(Percentiles.Median([]), Is.Null);
        Assert.That(Percentiles.NearestRank([], 90), Is.Null);
        Assert.That(Percentiles.Median([TimeSpan.FromMinutes(4)]), Is.EqualTo(TimeSpan.FromMinutes(4)));
        Assert.That(Percentiles.NearestRank([TimeSpan.FromMinutes(4)], 90), Is.EqualTo(TimeSpan.FromMinutes(4)));
    }

    private static (Incident, IReadOnlyList<TimelineEntry>) Incident(
        long number,
        DateTimeOffset declared,
        TimeSpan? acknowledgeAfter = null,
        TimeSpan? resolveAfter = null,
        TimeSpan? impactBefore = null,
        string? area = null,
        int? severity = null,
        TimelineEntry[]? extra = null)
    {
        var incident = new Incident(
            number, $"Incident {number}", resolveAfter is null ? IncidentStatus.Investigating : IncidentStatus.Resolved, severity, area, "alice", "alice",
            declared, declared + resolveAfter, new ChatThread("slack", "C0OPS", "1.0"), ImpactStartedAt: declared - impactBefore);
        var timeline = new List<TimelineEntry> { new(declared, TimelineKind.Declared, "alice", "Declared", "declared") };
        if (acknowledgeAfter is { } ack)
        {
            timeline.Add(new TimelineEntry(declared + ack, TimelineKind.Acknowledged, "bob", "Acknowledged", "ack"));
        }

        timeline.AddRange(extra ?? []);
        return (incident, timeline);
    }
}
