using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Tests.Paging;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.FollowUps;

public sealed class FollowUpActionsTests
{
    private CoreHarness core = null!;

    [SetUp]
    public async Task Declare()
    {
        core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);
        await core.Run("Checkout down area:payments");
    }

    [Test]
    public async Task An_action_gets_an_id_an_owner_and_a_due_date_and_goes_on_the_timeline()
    {
        await core.Run("action INC-1 @alice due:2026-11-27 Alert when the cache has no healthy nodes", core.Context(user: "bob"));

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("A-1 recorded on INC-1: Alert when the cache has no healthy nodes (owner alice, due 2026-11-27). When it is finished: '/outage done A-1'."));
        var entry = (await core.Timeline())[^1];
        Assert.That((entry.Kind, entry.Actor, entry.Text), Is.EqualTo((TimelineKind.Action, "bob", "A-1: Alert when the cache has no healthy nodes (owner alice, due 2026-11-27)")));
    }

    [Test]
    public async Task Done_marks_it_done_once_and_the_postmortem_lists_completed_and_planned()
    {
        await core.Run("action @alice due:2026-11-27 Alert when the cache has no healthy nodes");
        await core.Run("action Load test the checkout", core.Context(user: "bob"));

        await core.Run("done A-1", core.Context(user: "alice"));
        await core.Run("done A-1", core.Context(user: "alice"));

        Assert.That(core.Answers[^2].Message.Text, Is.EqualTo("A-1 is done: Alert when the cache has no healthy nodes"));
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("A-1 was already done (alice, 2026-11-23)"));
        Assert.That((await core.Timeline()).Count(e => e.Text.StartsWith("A-1 done", StringComparison.Ordinal)), Is.EqualTo(1));
        var draft = await new DraftPostmortem(core.Store, core.Actions, core.Links).Markdown((await core.Store.Find(1, CancellationToken.None))!, CancellationToken.None);
        Assert.That(draft, Does.Contain("### Completed\n\n- [x] A-1 Alert when the cache has no healthy nodes (owner alice, done 2026-11-23)"));
        Assert.That(draft, Does.Contain("### Planned\n\n- [ ] A-2 Load test the checkout (no owner, recorded by bob, no due date)"));
    }

    [Test]
    public async Task A_done_processed_again_after_a_crash_is_put_on_the_timeline_and_stops_the_reminder()
    {
        await core.Run("action @alice due:2026-11-26 Alert when the cache has no healthy nodes");
        // What a crash leaves behind: the action marked done, and nothing after it.
        await core.Actions.MarkDone(1, "alice", core.Clock.GetUtcNow(), CancellationToken.None);
        core.Clock.Advance(TimeSpan.FromMinutes(1));

        await core.Run("done A-1", core.Context(user: "alice"));

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("A-1 is done: Alert when the cache has no healthy nodes"));
        var entry = (await core.Timeline()).Single(e => e.Text.StartsWith("A-1 done", StringComparison.Ordinal));
        Assert.That((entry.Actor, entry.At), Is.EqualTo(("alice", Registries.MondayAfternoon)), "when it was marked done");
        Assert.That(core.Reminders.Scheduled.Any(r => r.Key == "A-1:overdue"), Is.False);

        await core.Run("done A-1", core.Context(user: "bob"));
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("A-1 was already done (alice, 2026-11-23)"));
    }

    [Test]
    public async Task Unknown_owners_unknown_actions_and_past_due_dates_are_refused_and_nothing_is_recorded()
    {
        await core.Run("action @zed Fix it");
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("There is no 'zed' in the expertise registry"));
        await core.Run("action due:2026-11-20 Fix it");
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("due:2026-11-20 has already passed"));
        await core.Run("done A-9");
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("There is no action A-9."));

        Assert.That(await core.Actions.List(openOnly: false, CancellationToken.None), Is.Empty);
        Assert.That((await core.Timeline()).Any(e => e.Kind == TimelineKind.Action), Is.False);
    }

    [Test]
    public async Task An_overdue_action_is_reminded_to_its_owner_once_a_working_day_until_done_even_after_resolving()
    {
        // Alice works 09:00-17:30 in Berlin (08:00-16:30 UTC in winter), Monday to Friday.
        await core.Run("action @alice due:2026-11-26 Alert when the cache has no healthy nodes");
        await core.Run("resolve checkout works");

        await core.Advance(TimeSpan.FromDays(7));

        var reminders = core.DirectMessages("alice").Where(m => m.Message.Key.StartsWith("A-1:overdue", StringComparison.Ordinal)).ToList();
        Assert.That(reminders.Select(m => m.Message.Key), Is.EqualTo<string[]>(["A-1:overdue:2026-11-27", "A-1:overdue:2026-11-30"]), "Friday, then Monday: not at the weekend");
        Assert.That(reminders[0].Message.Text, Does.StartWith("A-1 was due 2026-11-26 and is still open: Alert when the cache has no healthy nodes"));

        await core.Run("done A-1", core.Context(user: "alice"));
        await core.Advance(TimeSpan.FromDays(3));
        Assert.That(core.DirectMessages("alice").Count(m => m.Message.Key.StartsWith("A-1:overdue", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(core.Reminders.Scheduled.Any(r => r.Key == "A-1:overdue"), Is.False);
    }

    [Test]
    public async Task Reassigning_an_action_changes_owner_and_due_date_on_the_timeline_and_moves_its_reminder()
    {
        await core.Run("action @alice due:2026-11-27 Alert when the cache has no healthy nodes");

        var (changed, answer) = await core.FollowUps.Reassign(1, "bob", new DateOnly(2026, 12, 4), core.Context(user: "carol"), CancellationToken.None);

        Assert.That((changed, answer), Is.EqualTo((true, "A-1 changed: owner bob, due 2026-12-04")));
        var action = await core.Actions.Find(1, CancellationToken.None);
        Assert.That((action!.Owner, action.Due), Is.EqualTo(("bob", (DateOnly?)new DateOnly(2026, 12, 4))));
        var entry = (await core.Timeline())[^1];
        Assert.That((entry.Kind, entry.Actor, entry.Text), Is.EqualTo((TimelineKind.Action, "carol", "A-1 changed: owner bob, due 2026-12-04")));
        Assert.That(core.Reminders.Scheduled.Single(r => r.Key == "A-1:overdue").At, Is.EqualTo(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task Reassigning_to_a_stranger_a_past_date_or_a_done_action_is_refused_and_changes_nothing()
    {
        await core.Run("action @alice due:2026-11-27 Alert when the cache has no healthy nodes");
        var before = (await core.Timeline()).Count;

        var stranger = await core.FollowUps.Reassign(1, "zed", null, core.Context(), CancellationToken.None);
        var past = await core.FollowUps.Reassign(1, "bob", new DateOnly(2026, 11, 1), core.Context(), CancellationToken.None);
        await core.Run("done A-1");
        var done = await core.FollowUps.Reassign(1, "bob", null, core.Context(), CancellationToken.None);
        var missing = await core.FollowUps.Reassign(9, "bob", null, core.Context(), CancellationToken.None);

        Assert.That(stranger.Answer, Does.StartWith("There is no 'zed' in the expertise registry"));
        Assert.That(past.Answer, Does.StartWith("due:2026-11-01 has already passed"));
        Assert.That(done.Answer, Is.EqualTo("A-1 is done already; a done action keeps its owner and date. Nothing was recorded."));
        Assert.That(missing.Answer, Is.EqualTo("There is no action A-9."));
        Assert.That((await core.Actions.Find(1, CancellationToken.None))!.Owner, Is.EqualTo("alice"));
        Assert.That((await core.Timeline()).Count, Is.EqualTo(before + 1), "only the done entry");
    }
}
