using IncidentBot.Core.Paging;
using IncidentBot.Core.Runbook;

namespace IncidentBot.Core.Tests.Runbook;

public sealed class StepActionsTests
{
    [Test]
    public void A_step_may_name_the_action_that_does_it()
    {
        var (runbook, errors) = RunbookParser.Parse("""
            steps:
              - { id: owners, title: Owners are on it, action: decline }
            """);

        Assert.That(errors, Is.Empty);
        Assert.That(runbook!.Steps[0].Action, Is.EqualTo(StepActions.Decline));
    }

    [Test]
    public void An_unknown_action_is_an_error_naming_the_line_and_the_choices()
    {
        var (runbook, errors) = RunbookParser.Parse("""
            steps:
              - id: owners
                title: Owners are on it
                action: page-everyone
            """);

        Assert.That(runbook, Is.Null);
        Assert.That(errors, Is.EqualTo<string[]>(["line 2: unknown action 'page-everyone' (one of decline, rootcause, prodaccess, priority)"]));
    }

    [Test]
    public void The_shipped_runbook_carries_the_buttons_of_the_steps_the_bot_can_do()
    {
        using var stream = File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, "default-runbook.yaml"));
        var (runbook, errors) = RunbookParser.Parse(new StreamReader(stream).ReadToEnd());

        Assert.That(errors, Is.Empty);
        Assert.That(runbook!.Steps.Where(s => s.Action is not null).Select(s => (s.Id, s.Action)), Is.EqualTo<(string, string?)[]>([("owners", StepActions.Decline), ("priorities", StepActions.Priority), ("access", StepActions.ProdAccess), ("root-cause", StepActions.RootCause)]));
        Assert.That(StepActions.Button(StepActions.Decline, new Core.Incidents.Incident(3, "t", default, null, null, null, "a", default, null, new("local", "c", null)))!.Action, Is.EqualTo(PageButtons.Decline));
    }
}
