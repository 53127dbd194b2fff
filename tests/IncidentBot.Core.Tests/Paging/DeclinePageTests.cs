using IncidentBot.Core.Paging;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Paging;

public sealed class DeclinePageTests
{
    private CoreHarness core = null!;

    [SetUp]
    public void Team() => core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);

    [Test]
    public async Task Declining_a_page_records_it_and_pages_the_next_level_at_once()
    {
        await core.Run("Checkout down area:payments");

        await core.Buttons.Press(core.Context(user: "alice"), PageButtons.Decline, "1", CancellationToken.None);

        Assert.That(core.DirectMessages("bob"), Has.Count.EqualTo(1), "paged without waiting for the ack timeout");
        var entries = (await core.Timeline()).Where(e => e.Kind is TimelineKind.Paged or TimelineKind.Escalated).Select(e => e.Text);
        Assert.That(entries, Is.EqualTo<string[]>([
            "Paged Alice (primary owners of Payments)",
            "Alice declined the page: on something equally urgent",
            "Escalating to the secondary owners of Payments: Alice declined (on something equally urgent).",
            "Paged Bob (secondary owners of Payments)"]));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Recorded. The secondary owners of Payments are paged now."));
        Assert.That(core.Posts.Select(p => p.Message.Text), Does.Contain("Alice cannot take this: on something equally urgent."));
    }

    [Test]
    public async Task The_reason_given_goes_on_the_timeline_and_the_escalation_goes_on_from_the_next_level()
    {
        await core.Run("Checkout down area:payments");

        await core.Run("decline INC-1 in the middle of the database migration", core.Context(user: "alice"));
        await core.Advance(TimeSpan.FromMinutes(5));

        var timeline = await core.Timeline();
        Assert.That(timeline.Single(e => e.SourceId == "declined:0:alice").Text, Is.EqualTo("Alice declined the page: in the middle of the database migration"));
        Assert.That(core.DirectMessages("carol").Count(m => m.Message.Text.StartsWith("You are paged", StringComparison.Ordinal)), Is.EqualTo(1), "the deciders, one ack timeout after Bob");
    }

    [Test]
    public async Task Someone_at_the_same_level_who_was_not_paged_yet_comes_before_the_next_level()
    {
        core = new CoreHarness("""
            people:
              - { id: alice, name: Alice }
              - { id: erin, name: Erin }
              - { id: bob, name: Bob }
            areas:
              - { key: payments, name: Payments, primary: [alice, erin], secondary: [bob] }
            deciders: [bob]
            """, Registries.MondayAfternoon);
        await core.Run("ooo", core.Context(user: "erin"));
        await core.Run("Checkout down area:payments");
        await core.Run("back", core.Context(user: "erin"));

        await core.Run("decline INC-1", core.Context(user: "alice"));

        Assert.That(core.DirectMessages("erin"), Has.Count.EqualTo(1));
        Assert.That(core.DirectMessages("bob"), Is.Empty);
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Recorded. The next of the primary owners of Payments is paged now."));
    }

    [Test]
    public async Task Someone_who_was_not_paged_cannot_decline_and_nothing_is_recorded()
    {
        await core.Run("Checkout down area:payments");
        var before = (await core.Timeline()).Count;

        await core.Run("decline INC-1 busy", core.Context(user: "bob"));

        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("Only the people paged for INC-1 may decline a page."));
        Assert.That(await core.Timeline(), Has.Count.EqualTo(before));
        Assert.That(core.DirectMessages("bob"), Is.Empty);
    }

    [Test]
    public async Task A_decline_after_someone_acknowledged_is_recorded_and_pages_nobody()
    {
        await core.Run("Checkout down area:payments");
        await core.Run("ack INC-1", core.Context(user: "carol"));

        await core.Run("decline INC-1", core.Context(user: "alice"));

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Recorded. carol owns INC-1 already, so nobody else is paged."));
        Assert.That(core.DirectMessages("bob"), Is.Empty);
    }

    [Test]
    public async Task The_owner_is_told_to_hand_off_instead()
    {
        await core.Run("Checkout down area:payments");
        await core.Run("ack INC-1", core.Context(user: "alice"));

        await core.Run("decline INC-1", core.Context(user: "alice"));

        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("You own INC-1: hand it off instead"));
        Assert.That((await core.Timeline()).Where(e => e.SourceId.StartsWith("declined:", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Decline_needs_the_incident_id() =>
        Assert.That(Core.Commands.CommandParser.Parse("decline"), Is.TypeOf<Core.Commands.InvalidCommand>());
}
