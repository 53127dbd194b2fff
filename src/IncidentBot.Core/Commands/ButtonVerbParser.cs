namespace IncidentBot.Core.Commands;

/// <summary>
/// The verbs that answer what the bot asks with buttons, so that a platform without buttons (the terminal) can do
/// everything: <c>rollback</c>, <c>restored</c>, <c>area</c>, <c>check</c>, <c>accept</c>, <c>takeover</c>,
/// <c>priority ... drop|wait</c> and <c>prodaccess ... ack</c>.
/// </summary>
internal static class ButtonVerbParser
{
    public static Command ParseRollback(List<string> args)
    {
        var (id, rest) = CommandParser.TakeIncident(args);
        RollbackAnswer? answer = rest.Count == 0 ? null : rest[0].ToLowerInvariant() switch
        {
            "yes" => RollbackAnswer.Yes,
            "no" => RollbackAnswer.No,
            "unsure" => RollbackAnswer.Unsure,
            _ => null,
        };
        if (answer is null)
        {
            return CommandParser.Invalid("rollback", "Answer yes, no or unsure.");
        }

        var note = rest.Count > 1 ? string.Join(' ', rest.Skip(1)) : null;
        return new RollbackCommand(id, answer.Value, note);
    }

    /// <summary><c>restored [INC-n] yes|no</c>: the answer to "did the rollback restore service?".</summary>
    public static Command ParseRestored(List<string> args)
    {
        var (id, rest) = CommandParser.TakeIncident(args);
        return rest.Count == 1 && rest[0].ToLowerInvariant() is "yes" or "no"
            ? new RestoredCommand(id, rest[0].Equals("yes", StringComparison.OrdinalIgnoreCase))
            : CommandParser.Invalid("restored", "Answer yes (service is back) or no.");
    }

    /// <summary><c>priority</c>: <c>drop</c> or <c>wait</c> first is an answer; anything else is a question.</summary>
    public static Command ParsePriority(List<string> args)
    {
        var (id, rest) = CommandParser.TakeIncident(args);
        if (rest.Count == 0)
        {
            return CommandParser.Invalid("priority", "Write the question for the deciders, or answer with drop or wait.");
        }

        var note = rest.Count > 1 ? string.Join(' ', rest.Skip(1)) : null;
        return rest[0].ToLowerInvariant() switch
        {
            "drop" => new PriorityAnswerCommand(id, DropEverything: true, note),
            "wait" => new PriorityAnswerCommand(id, DropEverything: false, note),
            _ => new PriorityCommand(id, string.Join(' ', rest)),
        };
    }

    /// <summary><c>prodaccess [INC-n]</c> pages; <c>prodaccess [INC-n] ack</c> is the paged person's answer.</summary>
    public static Command ParseProdAccess(List<string> args)
    {
        var (id, rest) = CommandParser.TakeIncident(args);
        return rest switch
        {
            [] => new ProdAccessCommand(id),
            [var word] when word.Equals("ack", StringComparison.OrdinalIgnoreCase) => new ProdAccessAckCommand(id),
            _ => CommandParser.Invalid("prodaccess", $"Unexpected '{string.Join(' ', rest)}'."),
        };
    }

    /// <summary><c>area [INC-n] &lt;key&gt;</c>: the key as <c>areas</c> lists it.</summary>
    public static Command ParseArea(List<string> args)
    {
        var (id, rest) = CommandParser.TakeIncident(args);
        return rest.Count == 1
            ? new AreaCommand(id, rest[0].ToLowerInvariant())
            : CommandParser.Invalid("area", "Name one area by its key ('areas' lists them).");
    }

    /// <summary><c>check 3</c> names no incident: one argument is always the step (its id, or its number in the list).</summary>
    public static Command ParseCheck(List<string> args)
    {
        var (id, rest) = args.Count == 1 ? ((long?)null, args) : CommandParser.TakeIncident(args);
        return rest.Count == 1
            ? new CheckCommand(id, rest[0].ToLowerInvariant())
            : CommandParser.Invalid("check", "Name one step: its number in the checklist, or its id.");
    }

    /// <summary>A verb that takes nothing but the incident: <c>accept</c>, <c>takeover</c>.</summary>
    public static Command IncidentOnly(List<string> args, string verb, Func<long?, Command> make)
    {
        var (id, rest) = CommandParser.TakeIncident(args);
        return rest.Count == 0 ? make(id) : CommandParser.Invalid(verb, $"Unexpected '{string.Join(' ', rest)}'.");
    }
}
