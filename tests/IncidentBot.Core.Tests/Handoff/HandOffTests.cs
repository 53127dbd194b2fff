using IncidentBot.Core.Handoff;
using IncidentBot.Core.Tests.Paging;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Handoff;

/// <summary>Handing off: the notes on the timeline and in the thread, the new owner's acceptance, or the escalation without it.</summary>
public sealed class HandOffTests
{
    private const string Notes = "Tried restarting the pods and flushing the cache; next: check the Stripe webhook logs";

    private CoreHarness core = null!;

    [SetUp]
    public async Task AliceIsNaggedAtTheEndOfHerDay()
    {
        core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);
        await core.Run("Checkout down area:payments");
        await core.Run("ack", core.Context(user: "alice"));
        await core.Advance(TimeSpan.FromHours(3));
    }

    private async Task<Core.Incidents.Incident> Incident() => (await core.Store.Find(1, CancellationToken.None))!;

    [Test]
    public async Task A_handoff_records_the_notes_posts_them_and_asks_the_new_owner_to_accept()
    {
        await core.Run($"handoff bob {Notes}", core.Context(user: "alice"));

        var entry = (await core.Timeline()).Single(e => e.Kind == TimelineKind.Handoff && e.SourceId.StartsWith("handoff:", StringComparison.Ordinal));
        Assert.That((entry.Actor, entry.Text), Is.EqualTo(("alice", $"Handoff: alice -> bob. Tried / try next: {Notes}")));
        Assert.That(core.Posts.Select(p => p.Message.Text), Has.Some.StartsWith($"Handoff: alice -> bob. Tried / try next: {Notes}"));
        var ask = core.DirectMessages("bob").Single().Message;
        Assert.That(ask.Text, Does.Contain(Notes));
        Assert.That(ask.ButtonList.Single().Action, Is.EqualTo(HandoffMessages.AcceptAction));
        Assert.That(core.Reminders.Scheduled.Select(r => r.Kind), Has.None.EqualTo(HandoffSchedule.NagKind).And.None.EqualTo(HandoffSchedule.EscalateKind));
        Assert.That((await Incident()).Owner, Is.EqualTo("alice"), "until bob accepts");
    }

    [Test]
    public async Task Accepting_makes_the_new_owner_and_starts_their_own_end_of_day()
    {
        await core.Run($"handoff bob {Notes}", core.Context(user: "alice"));

        await core.Buttons.Press(core.Context(user: "carol"), HandoffMessages.AcceptAction, "1", CancellationToken.None);
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("INC-1 was handed to bob; only they can accept it."));
        await core.Buttons.Press(core.Context(user: "bob"), HandoffMessages.AcceptAction, "1", CancellationToken.None);

        Assert.That((await Incident()).Owner, Is.EqualTo("bob"));
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("You own INC-1 now. Your working day ends at 16:00 America/New_York (21:00 UTC)"));
        Assert.That((await core.Timeline())[^1].Text, Is.EqualTo("bob accepted the handoff from alice and owns INC-1 now."));
        Assert.That(core.Reminders.Scheduled.Select(r => r.Kind), Has.None.EqualTo(HandoffSchedule.AcceptKind));
        Assert.That(core.Reminders.Scheduled.Single(r => r.Kind == HandoffSchedule.NagKind).At, Is.EqualTo(new DateTimeOffset(2026, 11, 23, 20, 30, 0, TimeSpan.Zero)));

        await core.Buttons.Press(core.Context(user: "bob"), HandoffMessages.AcceptAction, "1", CancellationToken.None);
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("You own INC-1 already."));
        await core.Advance(TimeSpan.FromHours(2));
        Assert.That(core.DirectMessages("alice").Count(m => m.Message.Key.Contains("handoff-nag", StringComparison.Ordinal)), Is.EqualTo(1), "no more nags for alice");
    }

    [Test]
    public async Task A_handoff_processed_again_after_a_crash_posts_and_asks_once()
    {
        var request = core.Context(user: "alice");
        core.Faults.Arm("INC-1:handoff:");
        Assert.ThrowsAsync<InjectedFault>(() => core.Run($"handoff bob {Notes}", request));
        core.Clock.Advance(TimeSpan.FromMinutes(1));

        await core.Run($"handoff bob {Notes}", request);

        var proposal = (await core.Timeline()).Single(e => e.SourceId.StartsWith("handoff:", StringComparison.Ordinal));
        Assert.That(core.Posts.Count(p => p.Message.Text.StartsWith("Handoff: alice -> bob", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(core.DirectMessages("bob"), Has.Count.EqualTo(1));
        Assert.That(core.Reminders.Scheduled.Single(r => r.Kind == HandoffSchedule.AcceptKind).At, Is.EqualTo(proposal.At + TimeSpan.FromMinutes(5)), "asked again 5 min after the first attempt");
    }

    [Test]
    public async Task An_acceptance_processed_again_after_a_crash_is_finished_instead_of_answered_as_done()
    {
        await core.Run($"handoff bob {Notes}", core.Context(user: "alice"));
        var request = core.Context(user: "bob");
        core.Faults.Arm("INC-1:handoff-accepted:");
        Assert.ThrowsAsync<InjectedFault>(() => core.Buttons.Press(request, HandoffMessages.AcceptAction, "1", CancellationToken.None));
        Assert.That((await Incident()).Owner, Is.EqualTo("bob"), "the first attempt stopped after recording the owner");

        await core.Buttons.Press(request, HandoffMessages.AcceptAction, "1", CancellationToken.None);

        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("You own INC-1 now."));
        Assert.That((await core.Timeline()).Where(e => e.SourceId.StartsWith("handoff-accepted:", StringComparison.Ordinal)).Select(e => e.Text), Is.EqualTo<string[]>(["bob accepted the handoff from alice and owns INC-1 now."]));
        Assert.That(core.Posts.Count(p => p.Message.Key.StartsWith("INC-1:handoff-accepted:", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(core.Reminders.Scheduled.Select(r => r.Kind), Has.None.EqualTo(HandoffSchedule.AcceptKind));
        Assert.That(core.Reminders.Scheduled.Single(r => r.Kind == HandoffSchedule.NagKind).At, Is.EqualTo(new DateTimeOffset(2026, 11, 23, 20, 30, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task Without_buttons_ack_accepts_a_handoff_addressed_to_you()
    {
        await core.Run($"handoff bob {Notes}", core.Context(user: "alice"));

        await core.Run("ack", core.Context(user: "bob"));

        Assert.That((await Incident()).Owner, Is.EqualTo("bob"));
    }

    [Test]
    public async Task A_handoff_nobody_accepts_asks_again_once_then_escalates()
    {
        await core.Run($"handoff bob {Notes}", core.Context(user: "alice"));

        await core.Advance(TimeSpan.FromMinutes(5));
        Assert.That(core.DirectMessages("bob").Count(m => m.Message.ButtonList.Any(b => b.Action == HandoffMessages.AcceptAction)), Is.EqualTo(2));
        Assert.That((await core.Timeline())[^1].Text, Does.StartWith("bob has not accepted the handoff of INC-1 after 5 min; asking again."));

        await core.Advance(TimeSpan.FromMinutes(5));
        var escalated = (await core.Timeline()).Single(e => e.Kind == TimelineKind.Escalated);
        Assert.That(escalated.Text, Does.StartWith("Escalating: bob has not accepted the handoff of INC-1 from alice after 10 min. Asking Carol (decides priorities)"));
        Assert.That(core.DirectMessages("carol").Single().Message.ButtonList.Single().Action, Is.EqualTo(HandoffMessages.TakeOverAction));
        Assert.That((await Incident()).Owner, Is.EqualTo("alice"));

        await core.Advance(TimeSpan.FromHours(1));
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Escalated), Is.EqualTo(1));
    }

    [Test]
    public async Task A_handoff_needs_notes_and_someone_the_bot_can_reach()
    {
        await core.Run("handoff zed Check the logs", core.Context(user: "alice"));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("There is no 'zed' in the expertise registry: mention them instead."));

        await core.Run("handoff alice Check the logs", core.Context(user: "alice"));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("alice owns INC-1 already."));

        await core.Forms.Submit(core.Context(user: "alice"), HandoffMessages.FormAction, "1", new Dictionary<string, string?> { ["new_owner"] = "bob", ["notes"] = " " }, CancellationToken.None);
        Assert.That(core.Answers[^1].Message.Text, Does.Contain("Write down what you would try next"));
        Assert.That(core.DirectMessages("bob"), Is.Empty);
    }

    [Test]
    public async Task The_Hand_off_form_runs_the_same_handoff()
    {
        await core.Buttons.Press(core.Context(user: "alice"), HandoffMessages.FormAction, "1", CancellationToken.None);
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Say: handoff INC-1 @person <what you tried and would try next>"), "the terminal has no forms");

        await core.Forms.Submit(core.Context(user: "alice"), HandoffMessages.FormAction, "1", new Dictionary<string, string?> { ["new_owner"] = "bob", ["notes"] = Notes }, CancellationToken.None);

        Assert.That(core.DirectMessages("bob").Single().Message.Text, Does.Contain(Notes));
    }
}
