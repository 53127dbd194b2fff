using IncidentBot.Core.Paging;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Paging;

public sealed class AskDecidersTests
{
    private const string Team = """
        people:
          - { id: alice, name: Alice }
          - { id: carol, name: Carol }
          - { id: keith, name: Keith }
        areas:
          - { key: payments, name: Payments, primary: [alice] }
        deciders: [carol, keith]
        """;

    private CoreHarness core = null!;

    [SetUp]
    public async Task Declare()
    {
        core = new CoreHarness(Team, Registries.MondayAfternoon);
        await core.Run("Checkout down area:payments");
        await core.Run("ack INC-1", core.Context(user: "alice"));
    }

    [Test]
    public async Task Each_decider_gets_the_question_with_two_answers_and_the_first_answer_is_a_decision_in_the_thread()
    {
        await core.Run("priority INC-1 Does this come before the 2.0 release?", core.Context(user: "alice"));

        var question = core.DirectMessages("keith").Single().Message;
        Assert.That(question.Text, Does.StartWith("alice asks: Does this come before the 2.0 release?"));
        Assert.That(question.ButtonList.Select(b => (b.Label, b.Value)), Is.EqualTo<(string, string)[]>([("Drop everything", "1:drop"), ("Can wait", "1:wait")]));
        Assert.That(core.DirectMessages("carol"), Has.Count.EqualTo(1));

        await core.Buttons.Press(core.Context(user: "carol"), AskDeciders.AnswerAction, "1:drop", CancellationToken.None);
        await core.Run("priority INC-1 wait the release matters more", core.Context(user: "keith"));

        var decision = (await core.Timeline()).Single(e => e.Kind == TimelineKind.Decision && e.SourceId.StartsWith("priority:", StringComparison.Ordinal));
        Assert.That((decision.Actor, decision.Text), Is.EqualTo(("carol", "Priority: INC-1 comes first: drop everything (decided by carol)")));
        Assert.That(core.Posts.Select(p => p.Message.Text), Does.Contain(decision.Text));
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("That question was answered already"));
    }

    [Test]
    public async Task A_note_goes_with_the_answer()
    {
        await core.Run("priority INC-1 Before the migration?", core.Context(user: "alice"));

        await core.Run("priority INC-1 wait finish the migration first", core.Context(user: "keith"));

        Assert.That(core.Posts[^1].Message.Text, Is.EqualTo("Priority: INC-1 can wait behind other work (decided by keith): finish the migration first"));
    }

    [Test]
    public async Task No_answer_within_the_ack_timeout_is_said_in_the_thread_once()
    {
        await core.Run("priority INC-1 Before the migration?", core.Context(user: "alice"));

        await core.Advance(TimeSpan.FromMinutes(30));

        Assert.That(core.Posts.Count(p => p.Message.Text.StartsWith("No decider answered within 5 min", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(core.Reminders.Scheduled.Where(r => r.Kind == ReminderKinds.Priority), Is.Empty);
    }

    [Test]
    public async Task An_answer_processed_again_after_a_crash_is_posted_once_and_stops_the_unanswered_note()
    {
        await core.Run("priority INC-1 Before the migration?", core.Context(user: "alice"));
        var request = core.Context(user: "carol");
        core.Faults.Arm("INC-1:priority:answered:");
        Assert.ThrowsAsync<InjectedFault>(() => core.Run("priority INC-1 drop", request));

        await core.Run("priority INC-1 drop", request);
        await core.Advance(TimeSpan.FromMinutes(30));

        Assert.That(core.Posts.Count(p => p.Message.Text == "Priority: INC-1 comes first: drop everything (decided by carol)"), Is.EqualTo(1));
        Assert.That(core.Posts.Count(p => p.Message.Text.StartsWith("No decider answered", StringComparison.Ordinal)), Is.Zero);
    }

    [Test]
    public async Task An_answer_in_time_means_no_unanswered_note()
    {
        await core.Run("priority INC-1 Before the migration?", core.Context(user: "alice"));
        await core.Run("priority INC-1 drop", core.Context(user: "carol"));

        await core.Advance(TimeSpan.FromMinutes(30));

        Assert.That(core.Posts.Where(p => p.Message.Text.StartsWith("No decider answered", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task Only_deciders_answer_and_a_refusal_records_nothing()
    {
        await core.Run("priority INC-1 Before the migration?", core.Context(user: "alice"));
        var before = (await core.Timeline()).Count;

        await core.Buttons.Press(core.Context(user: "alice"), AskDeciders.AnswerAction, "1:drop", CancellationToken.None);

        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("Only the deciders (Carol, Keith) may answer for the deciders."));
        Assert.That(await core.Timeline(), Has.Count.EqualTo(before));
    }

    [Test]
    public async Task The_checklist_button_explains_the_command_where_there_are_no_forms()
    {
        await core.Buttons.Press(core.Context(user: "alice"), AskDeciders.AskAction, "1", CancellationToken.None);

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Say: priority INC-1 <your question for the deciders>"));
    }
}
