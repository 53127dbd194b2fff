using System.Globalization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;

namespace IncidentBot.Core.Dispatch;

/// <summary>
/// A submitted form is the command it stands for, built from the answers as they are (no text to read back), and run
/// by <see cref="IncidentCommands.Execute"/> like a typed one: the same rules, checks and answers.
/// </summary>
public sealed class FormSubmissions(IIncidentStore incidents, ChatPlatforms platforms, IncidentCommands commands)
{
    public async Task Submit(CommandContext context, string formId, string state, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        if (!long.TryParse(state, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || await incidents.Find(number, ct) is null)
        {
            await Answer(context, "That form belongs to an incident this bot does not know.", ct);
        }
        else if (CommandOf(formId, number, values) is not { } command)
        {
            await Answer(context, "That form is not one this version knows.", ct);
        }
        else
        {
            await commands.Execute(context, command, ct);
        }
    }

    private Task Answer(CommandContext context, string text, CancellationToken ct) =>
        platforms[context.Platform].Answer(context, new ChatMessage($"{context.RequestKey}:answer", text), ct);

    /// <summary>The command a form's answers stand for; null for a form this version does not know.</summary>
    public static Command? CommandOf(string formId, long number, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string? Optional(string id) => (values.TryGetValue(id, out var v) ? v : null)?.ReplaceLineEndings(" ").Trim() is { Length: > 0 } text ? text : null;
        List<string> Words(string id) => (Optional(id) ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        string Text(string id) => string.Join(' ', Words(id));
        return formId switch
        {
            FormButtons.ResolveAction => new ResolveCommand(number, Optional(IncidentForms.Verification) ?? "", Optional(IncidentForms.RootCause), Optional(IncidentForms.Resolution)),
            FormButtons.StatusAction => CommandParser.Status(number, Optional(IncidentForms.Stage), PublicTitle.Given(Optional(IncidentForms.Title), Words(IncidentForms.Message))),
            FormButtons.RootCauseAction => Text(IncidentForms.RootCause) is { Length: > 0 } cause
                ? new RootCauseCommand(number, cause)
                : CommandParser.Invalid("rootcause", "Write the root cause."),
            HandoffMessages.FormAction => CommandParser.Handoff(number, Optional(IncidentForms.NewOwner), Text(IncidentForms.HandoffNotes)),
            AskDeciders.AskAction => Text(IncidentForms.Question) is { Length: > 0 } question
                ? new PriorityCommand(number, question)
                : CommandParser.Invalid("priority", "Write the question for the deciders, or answer with drop or wait."),
            AskDeciders.AnswerAction => Optional(IncidentForms.PriorityChoice) is "drop" or "wait"
                ? new PriorityAnswerCommand(number, Optional(IncidentForms.PriorityChoice) == "drop", Optional(IncidentForms.Note) is null ? null : Text(IncidentForms.Note))
                : CommandParser.Invalid("priority", "Answer with drop or wait."),
            _ => null,
        };
    }
}
