using System.Reflection;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Runbook;

namespace IncidentBot.Core.Tests.Dispatch;

/// <summary>Every button is a command, and the same command can be typed where there are no buttons.</summary>
public sealed class IncidentButtonsTests
{
    private static readonly Type[] ButtonOwners =
        [typeof(IncidentButtons), typeof(IncidentForms), typeof(AskDeciders), typeof(ProductionAccess), typeof(DidYouMean), typeof(Checklist), typeof(RollbackFirst), typeof(HandoffMessages)];

    [TestCase(PageButtons.Acknowledge, "4", "ack INC-4")]
    [TestCase(PageButtons.Decline, "4", "decline INC-4")]
    [TestCase(PageButtons.ChooseArea, "4:payments", "area INC-4 payments")]
    [TestCase(ProductionAccess.RequestAction, "4", "prodaccess INC-4")]
    [TestCase(ProductionAccess.AcknowledgeAction, "4", "prodaccess INC-4 ack")]
    [TestCase(RollbackFirst.DecideAction, "4:yes", "rollback INC-4 yes")]
    [TestCase(RollbackFirst.DecideAction, "4:unsure", "rollback INC-4 unsure")]
    [TestCase(RollbackFirst.RestoredAction, "4:yes", "restored INC-4 yes")]
    [TestCase(RollbackFirst.RestoredAction, "4:no", "restored INC-4 no")]
    [TestCase(Checklist.CheckAction, "4:gather", "check INC-4 gather")]
    [TestCase(HandoffMessages.AcceptAction, "4", "accept INC-4")]
    [TestCase(HandoffMessages.TakeOverAction, "4", "takeover INC-4")]
    [TestCase(DidYouMean.RunAction, "status INC-1 monitoring All good", "status INC-1 monitoring All good")]
    [TestCase(DidYouMean.DeclareAction, "declare staus INC-1 monitoring", "declare staus INC-1 monitoring")]
    public void A_button_is_the_command_typed_without_buttons(string action, string value, string typed) =>
        Assert.That(IncidentButtons.CommandOf(action, value), Is.EqualTo(CommandParser.Parse(typed)));

    [TestCase(FormButtons.StatusAction, "4:identified", "identified")]
    [TestCase(FormButtons.ResolveAction, "4", "")]
    [TestCase(HandoffMessages.FormAction, "4", "")]
    [TestCase(AskDeciders.AskAction, "4", "")]
    [TestCase(AskDeciders.AnswerAction, "4:drop", "drop")]
    public void A_button_that_asks_for_more_opens_the_form_of_its_command(string action, string value, string choice) =>
        Assert.That(IncidentButtons.CommandOf(action, value), Is.EqualTo(new OpenFormCommand(4, action, choice)));

    [Test]
    public void Every_button_action_maps_to_a_command()
    {
        var actions = ButtonOwners.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && (f.Name.EndsWith("Action", StringComparison.Ordinal) || f.DeclaringType == typeof(IncidentButtons)))
            .Select(f => (string)f.GetRawConstantValue()!);
        string[] values = ["4", "4:yes", "4:drop", "4:gather", "declare Checkout down"];

        var unmapped = actions.Where(action => values.All(value => IncidentButtons.CommandOf(action, value) is null));

        Assert.That(unmapped, Is.Empty);
    }

    [TestCase(RollbackFirst.DecideAction, "4:perhaps")]
    [TestCase(AskDeciders.AnswerAction, "4:later")]
    [TestCase(PageButtons.Acknowledge, "INC-4")]
    [TestCase("no-such-button", "4")]
    [TestCase(DidYouMean.DeclareAction, "resolve INC-1 forged")]
    public void A_value_the_button_never_carries_is_no_command(string action, string value) =>
        Assert.That(IncidentButtons.CommandOf(action, value), Is.Null);
}
