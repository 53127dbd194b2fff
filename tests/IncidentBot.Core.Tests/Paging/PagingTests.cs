using IncidentBot.Core.Paging;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Paging;

public sealed class PagingTests
{
    /// <summary>The paging and escalation entries when nobody acknowledges: primary, secondary, deciders.</summary>
    private static readonly string[] WholeEscalation =
    [
        "Paged Alice (primary owners of Payments)",
        "Escalating to the secondary owners of Payments: nobody acknowledged within 5 min.",
        "Paged Bob (secondary owners of Payments)",
        "Escalating to the people who decide priorities: nobody acknowledged within 5 min.",
        "Paged Carol (people who decide priorities)",
    ];

    private CoreHarness core = null!;

    [SetUp]
    public void Team() => core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);

    [Test]
    public async Task Declaring_pages_the_available_primary_owners_and_says_who_was_skipped()
    {
        await core.Run("Checkout returns 500s area:payments sev:1");

        var paging = core.Posts.Single(p => p.Message.Text.StartsWith("Paging", StringComparison.Ordinal)).Message.Text;
        Assert.That(paging, Does.StartWith("Paging alice, the primary owners of Payments.").And.Contain("Amir (off hours"));
        var page = core.DirectMessages("alice").Single().Message;
        Assert.That(page.Heading, Is.EqualTo("INC-1 [Outage]: Checkout returns 500s"));
        Assert.That(page.ButtonList, Is.EqualTo(new Core.Chat.ChatButton[] {
            new(PageButtons.Acknowledge, "Acknowledge", "1", Primary: true),
            new(PageButtons.Decline, "I'm on something urgent", "1") }));
        Assert.That(core.DirectMessages("amir"), Is.Empty);
        Assert.That((await core.Timeline()).Where(e => e.Kind == TimelineKind.Paged).Select(e => e.Text), Is.EqualTo<string[]>(["Paged Alice (primary owners of Payments)", "Told Carol (deciders) of SEV-1"]));
    }

    [Test]
    public async Task The_area_comes_from_a_keyword_in_the_summary_when_not_given()
    {
        await core.Run("Stripe webhooks failing");

        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Area, Is.EqualTo("payments"));
        Assert.That(core.DirectMessages("alice"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Without_a_match_the_bot_asks_for_the_area_and_a_button_press_pages_it()
    {
        await core.Run("Everything is slow");

        var question = core.Posts.Single(p => p.Message.Key == "INC-1:ask-area").Message;
        Assert.That(question.Text, Does.Contain("Which area is affected?"));
        Assert.That(question.ButtonList.Select(b => b.Label), Is.EqualTo<string[]>(["Payments", "Bookings"]));
        Assert.That(core.DirectMessages("alice"), Is.Empty);

        await core.Buttons.Press(core.Context(user: "carol"), PageButtons.ChooseArea, "1:payments", CancellationToken.None);

        Assert.That(core.DirectMessages("alice"), Has.Count.EqualTo(1));
        Assert.That(core.Answers[^1].Message.Text, Does.Contain("INC-1 is in Payments now"));
    }

    [Test]
    public async Task An_unknown_area_is_named_and_the_incident_still_opens()
    {
        await core.Run("Checkout down area:paymnts");

        Assert.That(core.Posts.Single(p => p.Message.Key == "INC-1:ask-area").Message.Text, Does.StartWith("There is no area 'paymnts'."));
        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Area, Is.Null);
    }

    [Test]
    public async Task Nobody_acknowledging_escalates_to_the_secondary_owners_then_the_deciders()
    {
        await core.Run("Checkout down area:payments");

        await core.Advance(TimeSpan.FromMinutes(4));
        Assert.That(core.DirectMessages("bob"), Is.Empty, "not before the ack timeout");
        await core.Advance(TimeSpan.FromMinutes(1));
        Assert.That(core.DirectMessages("bob"), Has.Count.EqualTo(1));
        await core.Advance(TimeSpan.FromMinutes(5));
        Assert.That(core.DirectMessages("carol"), Has.Count.EqualTo(1));

        var steps = (await core.Timeline()).Where(e => e.Kind is TimelineKind.Paged or TimelineKind.Escalated).Select(e => e.Text).ToList();
        Assert.That(steps, Is.EqualTo(WholeEscalation));
        Assert.That(core.Reminders.Scheduled.Where(r => r.Kind == ReminderKinds.Escalate), Is.Empty, "the chain ends with the deciders");
    }

    [Test]
    public async Task Acknowledging_makes_the_owner_and_stops_the_escalation()
    {
        await core.Run("Checkout down area:payments");

        await core.Buttons.Press(core.Context(user: "alice"), PageButtons.Acknowledge, "1", CancellationToken.None);
        await core.Advance(TimeSpan.FromMinutes(30));

        var incident = (await core.Store.Find(1, CancellationToken.None))!;
        Assert.That((incident.Owner, incident.AcknowledgedAt), Is.EqualTo(("alice", (DateTimeOffset?)Registries.MondayAfternoon)));
        Assert.That(core.DirectMessages("bob"), Is.Empty);
        Assert.That((await core.Timeline()).Single(e => e.Kind == TimelineKind.Acknowledged).Text, Is.EqualTo("alice acknowledged and owns the incident"));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("You own INC-1 now."));
    }

    [Test]
    public async Task A_second_acknowledgement_changes_nothing_and_says_who_owns_it()
    {
        await core.Run("Checkout down area:payments");
        await core.Run("ack", core.Context(user: "alice"));

        await core.Run("ack INC-1", core.Context(user: "carol"));

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("INC-1 was already acknowledged; alice owns it."));
        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Owner, Is.EqualTo("alice"));
    }

    [Test]
    public async Task An_owner_who_is_out_of_office_is_skipped_for_the_next_level_at_once()
    {
        await core.Run("Calendar sync broken");

        Assert.That(core.DirectMessages("dave"), Is.Empty);
        Assert.That(core.DirectMessages("bob"), Has.Count.EqualTo(1), "the secondary owner, without waiting");
        var escalated = (await core.Timeline()).Single(e => e.Kind == TimelineKind.Escalated).Text;
        Assert.That(escalated, Does.Contain("no primary owners of Bookings can be paged now: Dave (out of office until 2026-11-27)"));
    }

    [Test]
    public async Task Out_of_office_at_run_time_skips_a_person_until_they_are_back()
    {
        await core.Run("ooo until 2026-11-30", core.Context(user: "alice"));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("You are out of office until 2026-11-30; pages skip you."));
        await core.Run("Checkout down area:payments");
        Assert.That(core.DirectMessages("alice"), Is.Empty);

        await core.Run("back", core.Context(user: "alice"));
        await core.Run("Stripe down area:payments");

        Assert.That(core.DirectMessages("alice").Select(m => m.Message.Heading), Is.EqualTo<string[]>(["INC-2 [Outage]: Stripe down"]));
    }

    [Test]
    public async Task Someone_not_in_the_registry_is_told_how_to_get_in()
    {
        await core.Run("ooo", core.Context(user: "zed"));

        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("You are not in the expertise registry"));
    }

    [Test]
    public async Task An_escalation_that_fires_twice_pages_once()
    {
        await core.Run("Checkout down area:payments");
        var reminder = core.Reminders.Scheduled.Single(r => r.Kind == ReminderKinds.Escalate);
        core.Clock.Advance(TimeSpan.FromMinutes(5));

        await core.ReminderHandler.Fire(reminder, CancellationToken.None);
        await core.ReminderHandler.Fire(reminder, CancellationToken.None);

        Assert.That(core.DirectMessages("bob"), Has.Count.EqualTo(1));
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Escalated), Is.EqualTo(1));
    }

    [Test]
    public async Task An_escalation_that_failed_after_moving_up_a_level_is_finished_by_its_retry_and_the_next_level_follows()
    {
        await core.Run("Checkout down area:payments");
        var reminder = core.Reminders.Scheduled.Single(r => r.Kind == ReminderKinds.Escalate);
        await core.Reminders.Cancel(reminder.Key, CancellationToken.None);
        core.Clock.Advance(TimeSpan.FromMinutes(5));
        core.Faults.Arm("INC-1:page:1:bob");

        Assert.ThrowsAsync<InjectedFault>(() => core.ReminderHandler.Fire(reminder, CancellationToken.None));
        Assert.That(core.DirectMessages("bob"), Is.Empty);
        await core.ReminderHandler.Fire(reminder, CancellationToken.None);

        Assert.That(core.DirectMessages("bob"), Has.Count.EqualTo(1));
        Assert.That(core.Posts.Count(p => p.Message.Text.StartsWith("Paging bob", StringComparison.Ordinal)), Is.EqualTo(1));
        await core.Advance(TimeSpan.FromMinutes(5));
        Assert.That(core.DirectMessages("carol"), Has.Count.EqualTo(1));
        var steps = (await core.Timeline()).Where(e => e.Kind is TimelineKind.Paged or TimelineKind.Escalated).Select(e => e.Text).ToList();
        Assert.That(steps, Is.EqualTo(WholeEscalation));
    }

    [Test]
    public async Task A_late_escalation_of_an_earlier_level_pages_nobody_again()
    {
        await core.Run("Checkout down area:payments");
        var first = core.Reminders.Scheduled.Single(r => r.Kind == ReminderKinds.Escalate);
        await core.Advance(TimeSpan.FromMinutes(10));

        await core.ReminderHandler.Fire(first, CancellationToken.None);

        Assert.That((core.DirectMessages("bob").Count, core.DirectMessages("carol").Count), Is.EqualTo((1, 1)));
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Escalated), Is.EqualTo(2));
    }

    [Test]
    public async Task Owner_sets_the_owner_by_registry_id_and_stops_the_escalation()
    {
        await core.Run("Checkout down area:payments");

        await core.Run("owner carol", core.Context(user: "alice"));
        await core.Advance(TimeSpan.FromMinutes(10));

        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Owner, Is.EqualTo("carol"));
        Assert.That(core.DirectMessages("bob"), Is.Empty);
        Assert.That((await core.Timeline()).Single(e => e.Kind == TimelineKind.Handoff).Text, Is.EqualTo("Owner: alice -> carol (set by alice)"));
    }

    [Test]
    public async Task An_acknowledgement_processed_again_after_a_crash_is_finished_and_recorded_once()
    {
        await core.Run("Checkout down area:payments");
        var request = core.Context(user: "alice");
        core.Faults.Arm("INC-1:acknowledged");
        Assert.ThrowsAsync<InjectedFault>(() => core.Run("ack", request));
        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Owner, Is.EqualTo("alice"), "the first attempt stopped after recording the owner");

        await core.Run("ack", request);
        await core.Advance(TimeSpan.FromMinutes(30));

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("You own INC-1 now."), "not 'already acknowledged'");
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Acknowledged), Is.EqualTo(1));
        Assert.That(core.Posts.Count(p => p.Message.Key == "INC-1:acknowledged"), Is.EqualTo(1));
        Assert.That(core.DirectMessages("bob"), Is.Empty, "the escalation stopped");
        Assert.That(core.Reminders.Scheduled.Select(r => r.Kind), Has.Some.EqualTo(Core.Handoff.HandoffSchedule.NagKind), "alice's end of day is watched");

        await core.Run("ack", core.Context(user: "alice"));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("INC-1 was already acknowledged; alice owns it."), "a later ack by the owner changes nothing");
    }

    [Test]
    public async Task An_owner_set_by_command_who_acknowledges_afterwards_changes_nothing()
    {
        await core.Run("Checkout down area:payments");
        await core.Run("owner bob", core.Context(user: "carol"));
        var posts = core.Posts.Count;

        await core.Run("ack", core.Context(user: "bob"));

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("INC-1 was already acknowledged; bob owns it."));
        Assert.That(core.Posts, Has.Count.EqualTo(posts));
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Acknowledged), Is.Zero);
    }

    [Test]
    public async Task Setting_the_owner_processed_again_after_a_crash_records_and_posts_it_once()
    {
        await core.Run("Checkout down area:payments");
        var request = core.Context(user: "alice");
        core.Faults.Arm("INC-1:owner:" + request.RequestKey);
        Assert.ThrowsAsync<InjectedFault>(() => core.Run("owner carol", request));
        core.Clock.Advance(TimeSpan.FromMinutes(1));

        await core.Run("owner carol", request);

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("carol owns INC-1 now."));
        Assert.That((await core.Timeline()).Where(e => e.Kind == TimelineKind.Handoff).Select(e => e.Text), Is.EqualTo<string[]>(["Owner: alice -> carol (set by alice)"]));
        Assert.That(core.Posts.Where(p => p.Message.Key.StartsWith("INC-1:owner:", StringComparison.Ordinal)).Select(p => p.Message.Text), Is.EqualTo<string[]>(["Owner: alice -> carol (set by alice)"]));
    }

    [Test]
    public async Task Owner_with_an_unknown_registry_id_is_refused()
    {
        await core.Run("Checkout down area:payments");

        await core.Run("owner zed");

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("There is no 'zed' in the expertise registry: mention them instead."));
    }

    [Test]
    public async Task Areas_with_a_PagerDuty_routing_key_trigger_PagerDuty_too()
    {
        await core.Run("Checkout down area:payments");
        await core.Run("Calendar down area:bookings");

        Assert.That(core.Pager.Events, Is.EqualTo<string[]>(["trigger INC-1 R0PAYMENTS"]));
    }

    [Test]
    public async Task Who_shows_the_owners_and_who_is_available_now()
    {
        await core.Run("who payments");

        var text = core.Answers[^1].Message.Text;
        Assert.That(text, Does.Contain("Alice: available now").And.Contain("Amir: off hours").And.Contain("Decide priorities:\n  Carol: available now"));
    }

    [Test]
    public async Task Without_a_registry_paging_is_off_and_the_thread_says_so()
    {
        core = new CoreHarness();

        await core.Run("Checkout down area:payments");

        Assert.That(core.Posts.Select(p => p.Message.Text), Has.Some.StartsWith("Paging is off"));
        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Area, Is.EqualTo("payments"));
    }

    [Test]
    public async Task Resolving_cancels_the_pending_escalation_and_resolves_PagerDuty()
    {
        await core.Run("Checkout down area:payments");
        await core.Advance(TimeSpan.FromMinutes(2));

        await core.Run("resolve checkout p99 back to 300 ms, test order paid", core.Context(user: "alice"));
        await core.Advance(TimeSpan.FromMinutes(30));

        Assert.That(core.DirectMessages("bob"), Is.Empty);
        Assert.That(core.Reminders.Scheduled, Is.Empty);
        Assert.That(core.Pager.Events, Is.EqualTo<string[]>(["trigger INC-1 R0PAYMENTS", "resolve INC-1 R0PAYMENTS"]));
        var resolved = (await core.Timeline()).Single(e => e.Kind == TimelineKind.Resolved);
        Assert.That(resolved.Text, Is.EqualTo("Resolved by alice after 2 min. Verified: checkout p99 back to 300 ms, test order paid"));
    }

    [Test]
    public async Task A_resolve_that_failed_before_PagerDuty_is_finished_by_its_retry()
    {
        await core.Run("Checkout down area:payments");
        await core.Advance(TimeSpan.FromMinutes(2));
        var request = core.Context(user: "alice");
        core.Faults.Arm("pager:resolve:INC-1");

        Assert.ThrowsAsync<InjectedFault>(() => core.Run("resolve INC-1 test order paid", request));
        Assert.That(core.Pager.Events, Is.EqualTo<string[]>(["trigger INC-1 R0PAYMENTS"]));
        await core.Advance(TimeSpan.FromMinutes(10));
        await core.Run("resolve INC-1 test order paid", request);

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("INC-1 is resolved; reminders and escalations are stopped."));
        Assert.That(core.Pager.Events, Is.EqualTo<string[]>(["trigger INC-1 R0PAYMENTS", "resolve INC-1 R0PAYMENTS"]));
        Assert.That(core.DirectMessages("bob"), Is.Empty, "the escalation was cancelled by the first attempt");
        // Never published, so only the internal places (stakeholder channels) hear of the resolution.
        Assert.That(core.PrivatePublisher.Published.Count(p => p.Update.Stage == Core.Incidents.IncidentStatus.Resolved), Is.EqualTo(1));
        Assert.That(core.Publisher.Published, Is.Empty);
        Assert.That(core.Posts.Count(p => p.Message.Key == "INC-1:resolved"), Is.EqualTo(1));
        var resolved = (await core.Timeline()).Single(e => e.Kind == TimelineKind.Resolved);
        Assert.That(resolved.Text, Is.EqualTo("Resolved by alice after 2 min. Verified: test order paid"));
    }

    [Test]
    public async Task Resolving_twice_changes_nothing_and_a_late_acknowledgement_is_refused()
    {
        await core.Run("Checkout down area:payments");
        await core.Run("resolve payments work again");

        await core.Run("resolve INC-1 again");
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("INC-1 was already resolved at"));
        await core.Buttons.Press(core.Context(user: "alice"), PageButtons.Acknowledge, "1", CancellationToken.None);

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("INC-1 is resolved; there is nothing to acknowledge."));
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Resolved), Is.EqualTo(1));
    }
}
