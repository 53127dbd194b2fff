using IncidentBot.Core.Chat;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Tests.Paging;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Handoff;

/// <summary>
/// The end-of-day chain for Alice (Berlin, 09:00-17:30, so 16:30 UTC in November), owning an incident from Monday
/// 13:00 UTC: nags from 16:00 UTC every 15 min, escalation at 17:00 UTC.
/// </summary>
public sealed class HandoffScheduleTests
{
    private CoreHarness core = null!;

    [SetUp]
    public async Task AliceOwnsAnIncident()
    {
        core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);
        await core.Run("Checkout down area:payments");
        await core.Run("ack", core.Context(user: "alice"));
    }

    private List<PostedMessage> Nags(string person) =>
        [.. core.DirectMessages(person).Where(m => m.Message.ButtonList.Any(b => b.Action == HandoffMessages.FormAction))];

    [Test]
    public async Task The_owner_is_nagged_half_an_hour_before_their_day_ends_then_every_quarter_hour()
    {
        await core.Advance(TimeSpan.FromMinutes(179));
        Assert.That(Nags("alice"), Is.Empty, "not before 16:00 UTC");

        await core.Advance(TimeSpan.FromMinutes(1));
        var nag = Nags("alice").Single().Message;
        Assert.That(nag.Text, Does.StartWith("alice's working day ends in 30 min, at 17:30 Europe/Berlin (16:30 UTC), and INC-1 is still open."));
        Assert.That(nag.Text, Does.Contain("'/outage handoff INC-1 @person <what to try next>'").And.EndWith("At work now in Payments: Bob (bob)."));
        var inThread = core.Posts.Single(p => p.Message.Key.Contains("handoff-nag", StringComparison.Ordinal)).Message;
        Assert.That(inThread.ButtonList.Single(), Is.EqualTo(new ChatButton(HandoffMessages.FormAction, "Hand off", "1", Primary: true)));

        await core.Advance(TimeSpan.FromMinutes(45));
        Assert.That(Nags("alice"), Has.Count.EqualTo(4), "16:00, 16:15, 16:30, 16:45");
        var reminders = (await core.Timeline()).Where(e => e.Kind == TimelineKind.Reminder && e.SourceId.StartsWith("handoff-nag", StringComparison.Ordinal));
        Assert.That(reminders.Select(e => e.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo<string[]>(["16:00", "16:15", "16:30", "16:45"]));
    }

    [Test]
    public async Task Without_a_handoff_the_deciders_and_the_next_available_owner_are_asked_half_an_hour_after_the_day_ends()
    {
        await core.Advance(TimeSpan.FromMinutes(239));
        Assert.That((await core.Timeline()).Where(e => e.Kind == TimelineKind.Escalated), Is.Empty, "not before 17:00 UTC");

        await core.Advance(TimeSpan.FromMinutes(1));

        var escalated = (await core.Timeline()).Single(e => e.Kind == TimelineKind.Escalated);
        Assert.That(escalated.Text, Is.EqualTo(
            "Escalating: alice's working day ended at 17:30 Europe/Berlin (16:30 UTC) and nobody has taken INC-1 over. Asking Carol (decides priorities), Bob (next available owner) to step in."));
        foreach (var person in new[] { "carol", "bob" })
        {
            var ask = core.DirectMessages(person)[^1].Message;
            Assert.That(ask.ButtonList.Single().Action, Is.EqualTo(HandoffMessages.TakeOverAction), person);
        }

        Assert.That(core.Reminders.Scheduled.Where(r => r.Kind.StartsWith("handoff", StringComparison.Ordinal)), Is.Empty, "the chain ends with the escalation");
        await core.Buttons.Press(core.Context(user: "bob"), HandoffMessages.TakeOverAction, "1", CancellationToken.None);
        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Owner, Is.EqualTo("bob"));
    }

    [Test]
    public async Task A_reminder_fired_twice_acts_once()
    {
        var nag = core.Reminders.Scheduled.Single(r => r.Kind == HandoffSchedule.NagKind);
        var escalation = core.Reminders.Scheduled.Single(r => r.Kind == HandoffSchedule.EscalateKind);
        core.Clock.Advance(escalation.At - core.Clock.GetUtcNow());

        foreach (var reminder in new[] { nag, nag, escalation, escalation })
        {
            await core.ReminderHandler.Fire(reminder, CancellationToken.None);
        }

        Assert.That(Nags("alice"), Has.Count.EqualTo(1));
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Escalated), Is.EqualTo(1));
        Assert.That(core.DirectMessages("carol"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_escalation_that_failed_half_way_asks_everyone_once_when_retried()
    {
        var escalation = core.Reminders.Scheduled.Single(r => r.Kind == HandoffSchedule.EscalateKind);
        core.Clock.Advance(escalation.At - core.Clock.GetUtcNow());
        core.Faults.Arm($"INC-1:handoff-escalated:{escalation.Data!.Split('|')[0]}:alice:carol");

        Assert.ThrowsAsync<InjectedFault>(() => core.ReminderHandler.Fire(escalation, CancellationToken.None));
        Assert.That(core.DirectMessages("carol"), Is.Empty);
        await core.ReminderHandler.Fire(escalation, CancellationToken.None);

        Assert.That((core.DirectMessages("carol").Count, core.DirectMessages("bob").Count), Is.EqualTo((1, 1)));
        Assert.That(core.Posts.Count(p => p.Message.Text.StartsWith("Escalating:", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Escalated), Is.EqualTo(1));
    }

    [Test]
    public async Task Changing_the_owner_reschedules_for_the_new_owners_day_and_old_reminders_do_nothing()
    {
        var alicesNag = core.Reminders.Scheduled.Single(r => r.Kind == HandoffSchedule.NagKind);

        await core.Run("owner bob", core.Context(user: "carol"));

        // Bob works 07:00-16:00 in New York: 21:00 UTC.
        var bobsNag = core.Reminders.Scheduled.Single(r => r.Kind == HandoffSchedule.NagKind);
        Assert.That(bobsNag.At, Is.EqualTo(new DateTimeOffset(2026, 11, 23, 20, 30, 0, TimeSpan.Zero)));
        core.Clock.Advance(alicesNag.At - core.Clock.GetUtcNow());
        await core.ReminderHandler.Fire(alicesNag, CancellationToken.None);
        Assert.That(Nags("alice"), Is.Empty);
        await core.Advance(TimeSpan.FromMinutes(270));
        Assert.That(Nags("bob"), Has.Count.EqualTo(1), "at 20:30 UTC");
    }

    [Test]
    public async Task Resolving_stops_the_nags_and_the_escalation()
    {
        await core.Advance(TimeSpan.FromMinutes(180));
        Assert.That(Nags("alice"), Has.Count.EqualTo(1));

        await core.Run("resolve checkout works again, test order paid", core.Context(user: "alice"));
        await core.Advance(TimeSpan.FromHours(3));

        Assert.That(Nags("alice"), Has.Count.EqualTo(1));
        Assert.That(core.Reminders.Scheduled, Is.Empty);
        Assert.That((await core.Timeline()).Where(e => e.Kind == TimelineKind.Escalated), Is.Empty);
    }

    [Test]
    public async Task An_incident_taken_after_hours_on_a_Friday_is_nagged_about_on_Monday()
    {
        core = new CoreHarness(Registries.Team, new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.Zero));

        await core.Run("Checkout down area:payments", core.Context(user: "alice"));

        var nag = core.Reminders.Scheduled.Single(r => r.Kind == HandoffSchedule.NagKind);
        Assert.That(nag.At, Is.EqualTo(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero)));
    }
}
