using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Dispatch;

public sealed class DidYouMeanTests
{
    private CoreHarness core = null!;

    [SetUp]
    public void Start() => core = new CoreHarness();

    [Test]
    public async Task A_mistyped_verb_declares_nothing_and_asks_what_was_meant()
    {
        await core.Run("Checkout down");

        await core.Run("staus INC-1 monitoring Errors are back to normal");

        Assert.That((await core.Store.List(openOnly: false, CancellationToken.None)).Select(i => i.Id), Is.EqualTo<string[]>(["INC-1"]));
        var answer = core.Answers[^1].Message;
        Assert.That(answer.Text, Does.StartWith("Did you mean `/outage status INC-1 monitoring Errors are back to normal`?"));
        Assert.That(answer.Text, Does.Contain("`/outage declare staus INC-1 monitoring Errors are back to normal`"), "the command for platforms without buttons");
        Assert.That(answer.ButtonList.Select(b => (b.Label, b.Value)), Is.EqualTo<(string, string)[]>([
            ("Run that", "status INC-1 monitoring Errors are back to normal"),
            ("Declare a new incident anyway", "declare staus INC-1 monitoring Errors are back to normal")]));
        Assert.That((await core.Timeline()).Select(e => e.Kind), Has.None.EqualTo(TimelineKind.Status));
    }

    [Test]
    public async Task Run_that_runs_the_suggested_command_as_the_presser()
    {
        await core.Run("Checkout down");
        await core.Run("staus INC-1 monitoring Errors are back to normal");
        var run = core.Answers[^1].Message.ButtonList[0];

        await core.Buttons.Press(core.Context(), run.Action, run.Value, CancellationToken.None);

        var incident = (await core.Store.Find(1, CancellationToken.None))!;
        Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Monitoring));
        Assert.That((await core.Timeline()).Single(e => e.Kind == TimelineKind.Status).Actor, Is.EqualTo("alice"));
    }

    [Test]
    public async Task Declare_anyway_declares_the_text_as_written()
    {
        await core.Run("Checkout down");
        await core.Run("Checkout still failing after INC-1 sev:2");
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("Did you mean `/outage note INC-1 Checkout still failing after sev:2`?"));
        var anyway = core.Answers[^1].Message.ButtonList[1];

        await core.Buttons.Press(core.Context(user: "bob"), anyway.Action, anyway.Value, CancellationToken.None);

        var second = (await core.Store.Find(2, CancellationToken.None))!;
        Assert.That((second.Title, second.Severity, second.DeclaredBy), Is.EqualTo(("Checkout still failing after INC-1", (int?)2, "bob")));
    }

    [Test]
    public async Task An_id_before_a_verb_is_suggested_the_right_way_round()
    {
        await core.Run("Checkout down");

        await core.Run("INC-1 resolve checked the checkout page");

        Assert.That(core.Answers[^1].Message.ButtonList[0].Value, Is.EqualTo("resolve INC-1 checked the checkout page"));
        Assert.That((await core.Store.Find(1, CancellationToken.None))!.IsOpen, Is.True);
    }

    [Test]
    public async Task A_suggestion_that_lacks_arguments_says_what_is_missing()
    {
        await core.Run("Checkout down");

        await core.Run("staus INC-1 monitoring");

        Assert.That(core.Answers[^1].Message.Text, Does.Contain("Write the public message for the status page.").And.Contain("Usage: /outage status"));
    }

    [Test]
    public async Task A_summary_naming_an_incident_that_does_not_exist_declares()
    {
        await core.Run("Same as INC-7 yesterday: checkout down");

        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Title, Is.EqualTo("Same as INC-7 yesterday: checkout down"));
    }

    [Test]
    public void The_instant_answer_promises_no_declaration_for_a_summary_naming_an_incident()
    {
        Assert.That(IncidentCommands.Receive("Checkout again INC-1", "/outage").Answer, Is.EqualTo("Working on it ..."));
        Assert.That(IncidentCommands.Receive("staus INC-1 monitoring", "/outage").Answer, Is.EqualTo("Working on it ..."));
        Assert.That(IncidentCommands.Receive("Checkout down", "/outage").Answer, Does.StartWith("Declaring"));
    }

    [Test]
    public async Task A_button_whose_value_is_not_a_declaration_declares_nothing()
    {
        await core.Buttons.Press(core.Context(), DidYouMean.DeclareAction, "resolve INC-1 forged", CancellationToken.None);

        Assert.That(core.Answers[^1].Message.Text, Does.Contain("no command"));
        Assert.That(await core.Store.List(openOnly: false, CancellationToken.None), Is.Empty);
    }
}
