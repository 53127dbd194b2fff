using System.Globalization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Search;

namespace IncidentBot.Core.Dispatch;

/// <summary>
/// Button presses from any platform. Each button is a command (<see cref="CommandOf"/>), the one a person without
/// buttons types, run by <see cref="IncidentCommands.Execute"/> under the same rule of who may. A press on an old
/// message, for an incident that is gone or already handled, gets an answer saying so and changes nothing.
/// </summary>
public sealed class IncidentButtons(IIncidentStore incidents, ChatPlatforms platforms, IncidentCommands commands)
{
    public async Task Press(CommandContext context, string action, string value, CancellationToken ct)
    {
        // "Did you mean ...?": the button carries the command as the presser was shown it, run as if they had typed it.
        if (action is DidYouMean.RunAction or DidYouMean.DeclareAction)
        {
            await (DidYouMean.CommandOf(action, value) is { } text
                ? commands.Run(context, text, ct)
                : Answer(context, "That button carries no command this bot can run.", ct));
            return;
        }

        if (!long.TryParse(value.Split(':', 2)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || await incidents.Find(number, ct) is null)
        {
            await Answer(context, "That button belongs to an incident this bot does not know.", ct);
        }
        else if (CommandOf(action, value) is not { } command)
        {
            await Answer(context, $"That button ('{action}') is not one this version knows.", ct);
        }
        else
        {
            await commands.Execute(context, command, ct);
        }
    }

    /// <summary>
    /// The command a button stands for; null when the button is not one this version has. The value is the incident's
    /// number, then what was chosen (<c>4:yes</c>). The buttons that open a form are an <see cref="OpenFormCommand"/>.
    /// </summary>
    public static Command? CommandOf(string action, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (action is DidYouMean.RunAction or DidYouMean.DeclareAction)
        {
            return DidYouMean.CommandOf(action, value) is { } text ? CommandParser.Parse(text) : null;
        }

        var parts = value.Split(':', 2);
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var choice = parts.Length == 2 ? parts[1] : "";
        return action switch
        {
            PageButtons.Acknowledge => new AckCommand(n),
            PageButtons.Decline => new DeclineCommand(n, null),
            PageButtons.ChooseArea => new AreaCommand(n, choice),
            ProductionAccess.RequestAction => new ProdAccessCommand(n),
            ProductionAccess.AcknowledgeAction => new ProdAccessAckCommand(n),
            RollbackFirst.DecideAction when Enum.TryParse<RollbackAnswer>(choice, ignoreCase: true, out var answer) => new RollbackCommand(n, answer, null),
            RollbackFirst.RestoredAction => new RestoredCommand(n, choice == "yes"),
            Checklist.CheckAction => new CheckCommand(n, choice),
            HandoffMessages.AcceptAction => new AcceptCommand(n),
            HandoffMessages.TakeOverAction => new TakeOverCommand(n),
            AskDeciders.AnswerAction when choice is "drop" or "wait" => new OpenFormCommand(n, action, choice),
            AskDeciders.AskAction or FormButtons.StatusAction or FormButtons.ResolveAction or FormButtons.RootCauseAction or HandoffMessages.FormAction =>
                new OpenFormCommand(n, action, choice),
            RecurrenceCheck.AnswerAction => Reverify(n, choice),
            _ => null,
        };
    }

    /// <summary><c>&lt;earlier&gt;:repeated|not-needed</c>, as <c>reverify INC-n &lt;earlier&gt; repeated|not-needed</c> says it.</summary>
    private static ReverifyCommand? Reverify(long n, string choice)
    {
        var parts = choice.Split(':', 2);
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var earlier) && parts[1] is "repeated" or "not-needed"
            ? new ReverifyCommand(n, earlier, parts[1] == "repeated", null)
            : null;
    }

    private Task Answer(CommandContext context, string text, CancellationToken ct) =>
        platforms[context.Platform].Answer(context, new ChatMessage($"{context.RequestKey}:answer", text), ct);
}
