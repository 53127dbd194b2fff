using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Impact;

public sealed class ImpactStartTests
{
    private CoreHarness core = null!;

    [SetUp]
    public async Task Declare()
    {
        // Declared Monday 2026-11-23 at 09:00 UTC.
        core = new CoreHarness();
        await core.Run("Checkout down");
    }

    [Test]
    public async Task Started_sets_the_impact_start_with_a_detected_entry_and_the_figures_show_the_time_to_detect()
    {
        await core.Run("started 07:15", core.Context(user: "bob"));

        var incident = (await core.Store.Find(1, CancellationToken.None))!;
        Assert.That(incident.ImpactStartedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 23, 7, 15, 0, TimeSpan.Zero)));
        var entry = (await core.Timeline()).Single(e => e.Kind == TimelineKind.Detected);
        Assert.That((entry.Actor, entry.Text), Is.EqualTo(("bob", "Impact started 2026-11-23 07:15 UTC, 1 h 45 min before the declaration (time to detect)")));
        var figures = PostmortemFigures.Of(incident, await core.Timeline());
        Assert.That(figures.Rows().First(), Is.EqualTo(("Time to detect", "1 h 45 min", "2026-11-23 07:15")));
    }

    [Test]
    public async Task A_later_started_replaces_the_earlier_one()
    {
        await core.Run("started 2h ago");
        await core.Run("started 2026-11-22T21:00Z");

        Assert.That((await core.Store.Find(1, CancellationToken.None))!.ImpactStartedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 22, 21, 0, 0, TimeSpan.Zero)));
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Detected), Is.EqualTo(2));
    }

    [Test]
    public async Task A_start_after_the_declaration_is_refused_and_nothing_changes()
    {
        await core.Advance(TimeSpan.FromMinutes(30));
        await core.Run("started 10 min ago");

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("2026-11-23 09:20 UTC is after INC-1 was declared (2026-11-23 09:00 UTC): the impact start is when users were first affected, before the declaration. Nothing was changed."));
        Assert.That((await core.Store.Find(1, CancellationToken.None))!.ImpactStartedAt, Is.Null);
        Assert.That((await core.Timeline()).Any(e => e.Kind == TimelineKind.Detected), Is.False);
    }

    [Test]
    public async Task The_draft_says_when_detection_was_the_longest_part()
    {
        await core.Run("started 2026-11-22T15:00Z");
        await core.Advance(TimeSpan.FromMinutes(40));
        await core.Run("resolve checkout works");

        var draft = await new DraftPostmortem(core.Store, core.Actions, core.Links).Markdown((await core.Store.Find(1, CancellationToken.None))!, CancellationToken.None);

        Assert.That(draft, Does.Contain("- Impact started 2026-11-22 15:00 UTC, 18 h 00 min before the declaration."));
        Assert.That(draft, Does.Contain("- Detection was the longest part: 18 h 00 min passed before anyone declared the incident, longer than it then took to resolve (40 min)."));
        Assert.That(draft, Does.Contain("| Time to detect | 18 h 00 min | 2026-11-22 15:00 |"));
    }
}
