namespace IncidentBot.Core.Commands;

/// <summary>
/// <c>related [INC-n] &lt;other id&gt;</c> and <c>reverify [INC-n] &lt;earlier id&gt; repeated|not-needed [note]</c>.
/// With one id, it is the other (earlier) incident, and the incident is the thread's or the only open one.
/// </summary>
internal static class RelatedParser
{
    public static Command ParseRelated(List<string> args)
    {
        var (first, rest) = CommandParser.TakeIncident(args);
        var (second, extra) = CommandParser.TakeIncident(rest);
        return (first, second, extra.Count) switch
        {
            ({ } incident, { } other, 0) => new RelatedCommand(incident, other),
            ({ } other, null, 0) => new RelatedCommand(null, other),
            _ => CommandParser.Invalid("related", args.Count == 0
                ? "Name the incident to relate, as in 'related INC-5 INC-2'."
                : $"'{string.Join(' ', args)}' is not two incident ids: write 'related INC-5 INC-2'."),
        };
    }

    public static Command ParseReverify(List<string> args)
    {
        var (first, rest) = CommandParser.TakeIncident(args);
        var (second, remaining) = CommandParser.TakeIncident(rest);
        var (incident, earlier) = second is null ? ((long?)null, first) : (first, second);
        bool? repeated = remaining.Count == 0 ? null : Answer(remaining[0]);
        if (earlier is not { } number || repeated is not { } answer)
        {
            return CommandParser.Invalid("reverify", earlier is null
                ? "Name the earlier incident whose verification steps you mean, as in 'reverify INC-5 INC-2 repeated'."
                : "Answer repeated or not-needed, as in 'reverify INC-5 INC-2 repeated'.");
        }

        return new ReverifyCommand(incident, number, answer, remaining.Count > 1 ? string.Join(' ', remaining.Skip(1)) : null);
    }

    private static bool? Answer(string word) => word.ToLowerInvariant() switch
    {
        "repeated" => true,
        "not-needed" or "notneeded" => false,
        _ => null,
    };
}
