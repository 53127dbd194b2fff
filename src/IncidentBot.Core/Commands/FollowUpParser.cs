using System.Globalization;
using IncidentBot.Core.Actions;

namespace IncidentBot.Core.Commands;

/// <summary>
/// <c>action [INC-n] [@owner] [due:yyyy-mm-dd] &lt;text&gt;</c> and <c>done A-&lt;n&gt;</c>. The owner needs its
/// <c>@</c> (a mention, or <c>@alice</c> for a registry id), or the first word of the text would be taken for a person.
/// </summary>
internal static class FollowUpParser
{
    public static Command ParseAction(List<string> args)
    {
        var (id, rest) = CommandParser.TakeIncident(args);
        string? owner = null;
        DateOnly? due = null;
        while (rest.Count > 0)
        {
            var word = rest[0];
            if (word.StartsWith("due:", StringComparison.OrdinalIgnoreCase))
            {
                if (due is not null || !DateOnly.TryParseExact(word[4..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return CommandParser.Invalid("action", $"'{word}' is not a due date: write due:yyyy-mm-dd, for example due:2026-12-04.");
                }

                due = date;
            }
            else if (word.StartsWith('<') || word.StartsWith('@'))
            {
                if (owner is not null || CommandParser.Person(word) is not { } person)
                {
                    return CommandParser.Invalid("action", $"'{word}' is not one owner: name one person, as a mention or @<registry id>.");
                }

                owner = person;
            }
            else
            {
                break;
            }

            rest = rest.Skip(1).ToList();
        }

        return rest.Count > 0
            ? new ActionCommand(id, string.Join(' ', rest), owner, due)
            : CommandParser.Invalid("action", "Describe the follow-up action.");
    }

    public static Command ParseDone(List<string> args) =>
        args.Count == 1 && ActionId.TryParse(args[0], out var number)
            ? new DoneCommand(number)
            : CommandParser.Invalid("done", args.Count == 0 ? "Name the action, as in done A-12." : $"'{string.Join(' ', args)}' is not an action id: write A-<n>, as in done A-12.");
}
