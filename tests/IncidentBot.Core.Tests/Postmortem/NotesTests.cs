using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Postmortem;

public sealed class NotesTests
{
    private CoreHarness core = null!;

    [SetUp]
    public async Task Declare()
    {
        core = new CoreHarness();
        await core.Run("Checkout down sev:1");
    }

    [Test]
    public async Task A_note_goes_on_the_timeline_as_a_message_from_its_author()
    {
        await core.Run("note Database not affected, checked the logs", core.Context(user: "bob"));

        var entry = (await core.Timeline())[^1];
        Assert.That((entry.Kind, entry.Actor, entry.Text), Is.EqualTo((TimelineKind.Message, "bob", "Database not affected, checked the logs")));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Noted on INC-1."));
    }

    [Test]
    public async Task A_follow_up_action_is_recorded_and_planned_in_the_draft()
    {
        await core.Run("action INC-1 Alert when the cache has no healthy nodes", core.Context(user: "bob"));

        var entry = (await core.Timeline())[^1];
        Assert.That((entry.Kind, entry.Text), Is.EqualTo((TimelineKind.Action, "A-1: Alert when the cache has no healthy nodes")));
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("A-1 recorded on INC-1: Alert when the cache has no healthy nodes."));
        var draft = PostmortemDraft.Render((await core.Store.Find(1, CancellationToken.None))!, await core.Timeline(), await core.Actions.ForIncident(1, CancellationToken.None));
        Assert.That(draft, Does.Contain("### Planned\n\n- [ ] A-1 Alert when the cache has no healthy nodes (no owner, recorded by bob, no due date)"));
    }

    [Test]
    public async Task Follow_ups_are_still_accepted_after_the_incident_is_resolved()
    {
        await core.Run("resolve Checkout works, error rate back to normal");

        await core.Run("action INC-1 Load test the checkout before Black Friday");

        Assert.That((await core.Timeline())[^1].Kind, Is.EqualTo(TimelineKind.Action));
    }

    [Test]
    public async Task The_same_request_processed_twice_is_recorded_once()
    {
        var context = core.Context();
        await core.Run("note rolling back", context);
        await core.Run("note rolling back", context);

        Assert.That((await core.Timeline()).Count(e => e.Text == "rolling back"), Is.EqualTo(1));
    }

    [Test]
    public async Task Resolving_keeps_the_verification_for_the_postmortem()
    {
        await core.Run("resolve Checkout works, error rate back to normal");

        var incident = await core.Store.Find(1, CancellationToken.None);
        Assert.That((incident!.Verification, incident.RootCause, incident.Resolution), Is.EqualTo(("Checkout works, error rate back to normal", (string?)null, (string?)null)));
    }

    [Test]
    public async Task The_postmortem_command_answers_privately_with_the_draft()
    {
        await core.Run("postmortem");

        var answer = core.Answers[^1];
        Assert.That(answer.Private, Is.True);
        Assert.That(answer.Message.Text, Does.StartWith("# Postmortem: INC-1 Checkout down"));
    }

    [Test]
    public async Task A_long_draft_is_cut_for_chat_and_points_at_the_endpoint()
    {
        for (var i = 0; i < 60; i++)
        {
            await core.Run($"note step {i}: checked another dashboard and found nothing unusual there");
        }

        await core.Run("postmortem INC-1");

        var text = core.Answers[^1].Message.Text;
        Assert.That(text, Has.Length.LessThanOrEqualTo(DraftPostmortem.ChatLimit));
        Assert.That(text, Does.EndWith("The full draft is at GET /api/incidents/INC-1/postmortem)"));
    }
}
