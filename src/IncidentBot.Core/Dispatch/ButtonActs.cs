using IncidentBot.Core.Authorization;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Runbook;

namespace IncidentBot.Core.Dispatch;

/// <summary>Which act (<see cref="Acts"/>) each button asks for, so a press is judged by the rule of its command.</summary>
public static class ButtonActs
{
    /// <summary>The act a button (or the form it opens) asks for: the same act as the command that does the same.</summary>
    public static string? Of(string action, string choice) => action switch
    {
        IncidentButtons.Acknowledge => Acts.Acknowledge,
        IncidentButtons.Decline => Acts.Decline,
        IncidentButtons.ChooseArea => Acts.Area,
        RollbackFirst.DecideAction when choice.Equals("yes", StringComparison.OrdinalIgnoreCase) => Acts.Rollback,
        RollbackFirst.DecideAction or RollbackFirst.RestoredAction => Acts.RollbackAnswer,
        Checklist.CheckAction => Acts.Checklist,
        IncidentForms.StatusAction => Acts.Status,
        IncidentForms.RootCauseAction => Acts.RootCause,
        ProductionAccess.RequestAction => Acts.ProdAccess,
        AskDeciders.AskAction => Acts.Priority,
        AskDeciders.AnswerAction => Acts.PriorityAnswer,
        ProductionAccess.AcknowledgeAction => Acts.ProdAccessAcknowledge,
        IncidentForms.ResolveAction => Acts.Resolve,
        HandoffMessages.FormAction => Acts.Handoff,
        HandoffMessages.AcceptAction => Acts.Accept,
        HandoffMessages.TakeOverAction => Acts.Owner,
        _ => null,
    };
}
