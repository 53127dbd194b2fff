using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Paging;

namespace IncidentBot.Core.Tests.Dispatch;

public sealed class ButtonActsTests
{
    [TestCase(FormButtons.StatusAction, Acts.Status)]
    [TestCase(FormButtons.ResolveAction, Acts.Resolve)]
    [TestCase(FormButtons.RootCauseAction, Acts.RootCause)]
    [TestCase(HandoffMessages.FormAction, Acts.Handoff)]
    [TestCase(AskDeciders.AskAction, Acts.Priority)]
    [TestCase(AskDeciders.AnswerAction, Acts.PriorityAnswer)]
    public void Opening_a_form_asks_for_the_act_of_the_command_it_stands_for(string form, string act) =>
        Assert.That(ButtonActs.Of(new OpenFormCommand(1, form)), Is.EqualTo(act));
}
