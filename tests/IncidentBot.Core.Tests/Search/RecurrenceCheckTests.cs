using IncidentBot.Core.Search;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Search;

public sealed class RecurrenceCheckTests
{
    private CoreHarness core = null!;

    [SetUp]
    public async Task ARecurrence()
    {
        core = new CoreHarness();
        await core.Run("Checkout returns 500s");
        await core.Run("resolve INC-1 Placed three test orders");
        await core.Run("Checkout returns 502s");
        await core.Run("related INC-2 INC-1");
    }

    [Test]
    public async Task Resolving_asks_whether_the_earlier_incidents_checks_were_repeated()
    {
        await core.Run("resolve INC-2 Placed an order");

        var question = core.Posts.Single(p => p.Message.Key == "INC-2:reverify:1").Message;
        Assert.That(question.Heading, Is.EqualTo("Were INC-1's checks repeated?"));
        Assert.That(question.Text, Does.StartWith("INC-2 is related to INC-1, whose recovery was verified by: Placed three test orders\n")
            .And.Contain("'/outage reverify INC-2 INC-1 repeated|not-needed [note]'"));
        Assert.That(question.ButtonList.Select(b => $"{b.Label}={b.Value}"), Is.EqualTo<string[]>(["Repeated them=2:1:repeated", "Not needed=2:1:not-needed"]));
    }

    [Test]
    public async Task Repeated_them_is_a_decision_on_the_timeline_and_in_the_thread()
    {
        await core.Run("resolve INC-2 Placed an order");

        await core.Buttons.Press(core.Context(user: "alice"), RecurrenceCheck.AnswerAction, "2:1:repeated", CancellationToken.None);

        var entry = (await core.Timeline(2)).Single(e => e.SourceId == "reverify:1");
        Assert.That(entry.Kind, Is.EqualTo(TimelineKind.Decision));
        Assert.That(entry.Text, Is.EqualTo("alice repeated the checks of INC-1: Placed three test orders"));
        Assert.That(core.Posts.Any(p => p.Message.Key == "INC-2:reverify:1:answer" && p.Message.Text == entry.Text), Is.True);
    }

    [Test]
    public async Task An_answer_processed_again_after_a_crash_is_posted_once_with_the_first_answers_words()
    {
        var request = core.Context();
        core.Faults.Arm("INC-2:reverify:1:answer");
        Assert.ThrowsAsync<InjectedFault>(() => core.Run("reverify INC-2 INC-1 not-needed the pool is gone", request));

        await core.Run("reverify INC-2 INC-1 not-needed the pool is gone", request);

        Assert.That(core.Posts.Where(p => p.Message.Key == "INC-2:reverify:1:answer").Select(p => p.Message.Text), Is.EqualTo<string[]>(["alice: repeating the checks of INC-1 was not needed. Note: the pool is gone"]));
    }

    [Test]
    public async Task The_command_answers_too_and_the_first_answer_stands()
    {
        await core.Run("reverify INC-2 INC-1 not-needed the pool is gone for good");
        await core.Run("reverify INC-2 INC-1 repeated");

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Answered already for INC-1: alice: repeating the checks of INC-1 was not needed. Note: the pool is gone for good"));
        Assert.That((await core.Timeline(2)).Count(e => e.SourceId == "reverify:1"), Is.EqualTo(1));

        await core.Run("resolve INC-2 Placed an order");
        Assert.That(core.Posts.Where(p => p.Message.Key == "INC-2:reverify:1"), Is.Empty, "answered before resolving: not asked");
    }

    [Test]
    public async Task Only_those_who_may_resolve_may_answer()
    {
        await core.Run("resolve INC-2 Placed an order");

        await core.Buttons.Press(core.Context(user: "mallory"), RecurrenceCheck.AnswerAction, "2:1:repeated", CancellationToken.None);

        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("Only ").And.Contain("may say whether an earlier incident's checks were repeated."));
        Assert.That((await core.Timeline(2)).Where(e => e.SourceId == "reverify:1"), Is.Empty);
    }

    [Test]
    public async Task An_incident_not_related_or_without_an_earlier_verification_is_not_asked_about()
    {
        await core.Run("Checkout returns 503s");
        await core.Run("related INC-2 INC-3");
        await core.Run("reverify INC-2 INC-9 repeated");
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("INC-9 is not related to INC-2: relate them first with 'related INC-2 INC-9'."));

        await core.Run("resolve INC-3 Placed an order");

        Assert.That(core.Posts.Where(p => p.Message.Key.StartsWith("INC-3:reverify", StringComparison.Ordinal)), Is.Empty, "INC-2 was not resolved, so it has no checks to repeat");
    }

    [TestCase("reverify INC-2 INC-1", "Answer repeated or not-needed, as in 'reverify INC-5 INC-2 repeated'.")]
    [TestCase("reverify repeated", "Name the earlier incident whose verification steps you mean, as in 'reverify INC-5 INC-2 repeated'.")]
    public async Task A_bad_answer_gets_the_usage(string command, string problem)
    {
        await core.Run(command);

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo($"{problem}\nUsage: /outage reverify [INC-n] <earlier INC-m> repeated|not-needed [note]"));
    }

    [Test]
    public async Task The_postmortem_lists_the_related_incident_with_its_cause_verification_and_the_answer()
    {
        await core.Run("resolve INC-2 Placed an order");
        await core.Run("reverify INC-2 INC-1 repeated");

        await core.Run("postmortem INC-2");
        Assert.That(core.Answers[^1].Message.Text, Does.Contain(
            "## Related incidents\n\n"
            + "- **INC-1** Checkout returns 500s (earlier, resolved 2026-11-23 09:00 UTC)\n"
            + "  - Root cause: not recorded\n"
            + "  - Verified by: Placed three test orders\n"
            + "  - Its checks this time: alice repeated the checks of INC-1: Placed three test orders\n"));

        await core.Run("postmortem INC-1");
        Assert.That(core.Answers[^1].Message.Text, Does.Contain("- **INC-2** Checkout returns 502s (later, resolved").And.Not.Contain("Its checks this time"));
    }

    [Test]
    public async Task A_postmortem_without_related_incidents_has_no_such_section()
    {
        await core.Run("Database replica lag");

        await core.Run("postmortem INC-3");

        Assert.That(core.Answers[^1].Message.Text, Does.Not.Contain("Related incidents"));
    }
}
