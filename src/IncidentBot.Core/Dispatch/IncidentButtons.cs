using System.Globalization;
using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Owners;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Runbook;

namespace IncidentBot.Core.Dispatch;

/// <summary>
/// Button presses from any platform. A press on an old message, for an incident that is gone or already handled,
/// gets an answer saying so and changes nothing; so does a press by someone who may not do what the button does
/// (see <see cref="ButtonActs.Of"/>).
/// </summary>
public sealed class IncidentButtons(
    IIncidentStore incidents,
    Ownership ownership,
    AreaOnDeclare areas,
    RollbackFirst rollback,
    Checklist checklist,
    IncidentForms forms,
    HandOff handoff,
    ChatPlatforms platforms,
    Permissions permissions,
    IncidentCommands commands,
    DeclinePage decline,
    ProductionAccess prodAccess,
    AskDeciders deciders)
{
    public const string Acknowledge = PageButtons.Acknowledge;
    public const string ChooseArea = PageButtons.ChooseArea;
    public const string Decline = PageButtons.Decline;

    public async Task Press(CommandContext context, string action, string value, CancellationToken ct)
    {
        // "Did you mean ...?": the button is the command, run as if the presser had typed it (the same rules apply).
        if (action is DidYouMean.RunAction or DidYouMean.DeclareAction)
        {
            var command = DidYouMean.CommandOf(action, value);
            await (command is null
                ? platforms[context.Platform].Answer(context, new ChatMessage($"{context.RequestKey}:answer", "That button carries no command this bot can run."), ct)
                : commands.Execute(context, command, answeredAtReceipt: false, ct));
            return;
        }

        if (await Answer(context, action, value, ct) is { } answer)
        {
            await platforms[context.Platform].Answer(context, new ChatMessage($"{context.RequestKey}:answer", answer), ct);
        }
    }

    /// <summary>What to tell the presser; null when a form opened instead, or they were told they may not.</summary>
    private async Task<string?> Answer(CommandContext context, string action, string value, CancellationToken ct)
    {
        var parts = value.Split(':', 2);
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || await incidents.Find(number, ct) is not { } incident)
        {
            return "That button belongs to an incident this bot does not know.";
        }

        var choice = parts.Length == 2 ? parts[1] : "";
        if (ButtonActs.Of(action, choice) is { } act && await permissions.Refuses(context, act, incident, ct))
        {
            return null;
        }

        return action switch
        {
            Acknowledge => await ownership.Acknowledge(incident, context.User, ct),
            Decline => await decline.Run(incident, null, context.User, ct),
            ProductionAccess.RequestAction => await prodAccess.Request(incident, context.User, ct),
            AskDeciders.AskAction => await forms.Open(context, incident, AskDeciders.AskAction, "", ct),
            AskDeciders.AnswerAction when choice is "drop" or "wait" =>
                await platforms[context.Platform].OpenForm(context, IncidentForms.PriorityAnswerForm(incident, choice), ct)
                    ? null
                    : await deciders.Answer(incident, choice == "drop", null, context.User, ct),
            ProductionAccess.AcknowledgeAction => await prodAccess.Acknowledge(incident, context.User, ct),
            ChooseArea when incident.IsOpen => await areas.Choose(incident, choice, ct),
            ChooseArea => $"{incident.Id} is resolved.",
            RollbackFirst.DecideAction when Enum.TryParse<RollbackAnswer>(choice, ignoreCase: true, out var answer) =>
                await rollback.Decide(incident, answer, null, context.User, ct),
            RollbackFirst.RestoredAction => await rollback.Restored(incident, choice == "yes", context.User, ct),
            Checklist.CheckAction when checklist.AsksForTheRootCause(choice) => await forms.Open(context, incident, IncidentForms.RootCauseAction, "", ct),
            Checklist.CheckAction => await checklist.Check(incident, choice, context.User, ct),
            IncidentForms.StatusAction or IncidentForms.ResolveAction or HandoffMessages.FormAction => await forms.Open(context, incident, action, choice, ct),
            HandoffMessages.AcceptAction => await handoff.Accept(incident, context.User, ct),
            HandoffMessages.TakeOverAction => await ownership.SetOwner(incident, context.User, context.User, ct),
            _ => $"That button ('{action}') is not one this version knows.",
        };
    }
}
