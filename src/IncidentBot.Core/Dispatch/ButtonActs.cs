using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Paging;

namespace IncidentBot.Core.Dispatch;

/// <summary>
/// Which act (<see cref="Acts"/>) opening a form asks for: the act of the command the form stands for, so a button that
/// opens it is judged by the same rule. Every other button is a command, judged by <see cref="Acts.Of"/>.
/// </summary>
public static class ButtonActs
{
    public static string? OfForm(string form) => form switch
    {
        FormButtons.StatusAction => Acts.Status,
        FormButtons.ResolveAction => Acts.Resolve,
        FormButtons.RootCauseAction => Acts.RootCause,
        HandoffMessages.FormAction => Acts.Handoff,
        AskDeciders.AskAction => Acts.Priority,
        AskDeciders.AnswerAction => Acts.PriorityAnswer,
        _ => null,
    };

    /// <summary>The act a command asks for, a button's included.</summary>
    public static string? Of(Commands.Command command) => command is Commands.OpenFormCommand form ? OfForm(form.Form) : Acts.Of(command);
}
