using IncidentBot.Core.Incidents;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Postmortem;

public sealed class PostmortemFiguresTests
{
    private static readonly DateTimeOffset Declared = new(2026, 10, 19, 21, 47, 0, TimeSpan.Zero);

    private static readonly Incident Open = new(
        1, "Bookings fail", IncidentStatus.Investigating, 1, "bookings", "carol", "carol", Declared, null, new ChatThread("local", "C-ops", "thread-1"));

    [Test]
    public void Time_to_acknowledge_runs_to_the_first_acknowledgement()
    {
        var figures = PostmortemFigures.Of(Open with { AcknowledgedAt = At(9) }, [Entry(4, TimelineKind.Acknowledged), Entry(6, TimelineKind.Acknowledged)]);

        Assert.That(figures.Acknowledged, Is.EqualTo(At(4)));
        Assert.That(Row(figures, "Time to acknowledge"), Is.EqualTo(("4 min", "2026-10-19 21:51")));
    }

    [Test]
    public void An_owner_set_outright_counts_as_the_acknowledgement()
    {
        var figures = PostmortemFigures.Of(Open with { AcknowledgedAt = At(7) }, [Entry(7, TimelineKind.Handoff)]);

        Assert.That(figures.Acknowledged, Is.EqualTo(At(7)));
        Assert.That(Row(PostmortemFigures.Of(Open, []), "Time to acknowledge").Time, Is.EqualTo("not acknowledged"));
    }

    [Test]
    public void Time_to_first_status_update_runs_to_the_first_status_entry()
    {
        var figures = PostmortemFigures.Of(Open, [Entry(12, TimelineKind.Status), Entry(6, TimelineKind.Status)]);

        Assert.That(Row(figures, "Time to first status update").Time, Is.EqualTo("6 min"));
        Assert.That(Row(PostmortemFigures.Of(Open, []), "Time to first status update").Time, Is.EqualTo("no status update recorded"));
    }

    [Test]
    public void Time_to_mitigate_runs_to_the_rollback_that_restored_service()
    {
        var figures = PostmortemFigures.Of(Open, [
            Entry(9, TimelineKind.Decision, RollbackEntries.Decided("yes")),
            Entry(23, TimelineKind.Decision, RollbackEntries.RestoredYes),
        ]);

        Assert.That(Row(figures, "Time to mitigate (rollback)"), Is.EqualTo(("23 min", "2026-10-19 22:10")));
    }

    [Test]
    public void Without_a_successful_rollback_the_figure_says_what_happened()
    {
        var none = PostmortemFigures.Of(Open, [Entry(9, TimelineKind.Decision, RollbackEntries.Decided("no"))]);
        var failed = PostmortemFigures.Of(Open, [Entry(17, TimelineKind.Decision, RollbackEntries.RestoredNo)]);

        Assert.That(Row(none, "Time to mitigate (rollback)").Time, Is.EqualTo("no rollback recorded"));
        Assert.That(Row(failed, "Time to mitigate (rollback)").Time, Is.EqualTo("rollback did not restore service"));
    }

    [Test]
    public void Time_to_resolve_runs_to_the_resolution_or_says_still_open()
    {
        var resolved = Open with { Status = IncidentStatus.Resolved, ResolvedAt = At(65) };

        Assert.That(Row(PostmortemFigures.Of(resolved, []), "Time to resolve"), Is.EqualTo(("1 h 05 min", "2026-10-19 22:52")));
        Assert.That(Row(PostmortemFigures.Of(Open, []), "Time to resolve"), Is.EqualTo(("still open", "-")));
    }

    [Test]
    public void Deleted_entries_do_not_count()
    {
        var figures = PostmortemFigures.Of(Open, [Entry(3, TimelineKind.Status) with { Deleted = true }, Entry(8, TimelineKind.Status)]);

        Assert.That(figures.FirstStatusUpdate, Is.EqualTo(At(8)));
    }

    [TestCase(0.5, "under 1 min")]
    [TestCase(23.9, "23 min")]
    [TestCase(60, "1 h 00 min")]
    [TestCase(65, "1 h 05 min")]
    [TestCase(26 * 60 + 10, "26 h 10 min")]
    [TestCase(-3, "under 1 min")]
    public void Durations_are_written_in_whole_minutes(double minutes, string expected) =>
        Assert.That(PostmortemFigures.Duration(TimeSpan.FromMinutes(minutes)), Is.EqualTo(expected));

    private static DateTimeOffset At(int minutes) => Declared.AddMinutes(minutes);

    private static TimelineEntry Entry(int minutes, string kind, string? sourceId = null) =>
        new(At(minutes), kind, "bob", kind, sourceId ?? $"{kind}:{minutes}");

    private static (string Time, string At) Row(PostmortemFigures figures, string name)
    {
        var row = figures.Rows().Single(r => r.Figure == name);
        return (row.Time, row.At);
    }
}
