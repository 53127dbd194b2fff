using IncidentBot.Core.Chat;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Replies;
using IncidentBot.Core.Tests.Paging;
using IncidentBot.Core.Tests.Support;

namespace IncidentBot.Core.Tests.Dispatch;

/// <summary>
/// In a storm one incident holds thousands of thread replies while everyone presses its buttons. A press needs only
/// the bot's own entries (pages, acknowledgements, handoffs), so it never reads the whole timeline: the store counts
/// those reads, and each press here must leave the count where it was, and still do what it did before.
/// </summary>
public sealed class ButtonsInABusyIncidentTests
{
    private CoreHarness core = null!;

    private static CancellationToken Ct => CancellationToken.None;

    [SetUp]
    public async Task ABusyIncident()
    {
        core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);
        await core.Run("Checkout down area:payments");
        var thread = core.Posts[0].ThreadId!;
        var replies = Enumerable.Range(1, 200)
            .Select(i => new ThreadMessage(InProcessChat.PlatformName, "C-ops", thread, $"m{i}", "bob", $"still 500s ({i})", core.Clock.GetUtcNow()))
            .ToList();
        Assert.That(await core.Replies.RecordAll(replies, Ct), Is.EqualTo(200));
    }

    [Test]
    public async Task An_ack_press_in_an_incident_with_replies_reads_no_thread_replies()
    {
        var reads = core.Store.TimelineReads;

        await Press("alice", PageButtons.Acknowledge);
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("You own INC-1 now."));
        await Press("alice", PageButtons.Acknowledge);

        Assert.That(core.Store.TimelineReads, Is.EqualTo(reads), "a press read the whole timeline, replies included");
        Assert.That((await core.Store.Find(1, Ct))!.Owner, Is.EqualTo("alice"));
    }

    [Test]
    public async Task A_decline_press_reads_no_thread_replies_and_pages_the_next_level()
    {
        var reads = core.Store.TimelineReads;

        await Press("alice", PageButtons.Decline);

        Assert.That(core.Store.TimelineReads, Is.EqualTo(reads), "a press read the whole timeline, replies included");
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Recorded. The secondary owners of Payments are paged now."));
        Assert.That(core.DirectMessages("bob"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Accepting_a_handoff_by_its_button_reads_no_thread_replies()
    {
        await core.Run("ack", core.Context(user: "alice"));
        await core.Run("handoff bob restarted the pods; next: the Stripe webhook logs", core.Context(user: "alice"));
        var reads = core.Store.TimelineReads;

        await Press("carol", HandoffMessages.AcceptAction);
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("INC-1 was handed to bob; only they can accept it."));
        await Press("bob", HandoffMessages.AcceptAction);

        Assert.That(core.Store.TimelineReads, Is.EqualTo(reads), "a press read the whole timeline, replies included");
        Assert.That((await core.Store.Find(1, Ct))!.Owner, Is.EqualTo("bob"));
    }

    [Test]
    public async Task Bringing_in_production_access_by_its_buttons_reads_no_thread_replies()
    {
        await core.Run("ack", core.Context(user: "alice"));
        var reads = core.Store.TimelineReads;

        await Press("alice", ProductionAccess.RequestAction);
        await Press("carol", ProductionAccess.AcknowledgeAction);
        await Press("carol", ProductionAccess.AcknowledgeAction);

        Assert.That(core.Store.TimelineReads, Is.EqualTo(reads), "a press read the whole timeline, replies included");
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("carol acknowledged first; they have production access for INC-1."));
    }

    private Task Press(string user, string action) => core.Buttons.Press(core.Context(user: user), action, "1", Ct);
}
