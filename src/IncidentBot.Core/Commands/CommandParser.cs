using System.Globalization;
using System.Text.RegularExpressions;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Commands;

/// <summary>
/// Parses the text after <c>/outage</c> (or after the bot mention). Text whose first word is not a verb is a
/// summary, so <c>/outage Checkout is down</c> declares, unless the word looks like a mistyped verb (see
/// <see cref="VerbTypos"/>): that is a <see cref="DidYouMeanCommand"/>. A command about an incident may name it right after the
/// verb (<c>INC-42</c> or <c>42</c>).
/// </summary>
public static partial class CommandParser
{
    public static Command Parse(string? text)
    {
        var words = Split(text);
        if (words.Count == 0)
        {
            return new InvalidCommand(null, "Say what is broken, or pick a command.");
        }

        var verb = words[0].ToLowerInvariant();
        var args = words.Skip(1).ToList();
        return verb switch
        {
            "help" => new HelpCommand(),
            "list" => NoArguments(args, verb, new ListCommand()),
            "areas" => NoArguments(args, verb, new AreasCommand()),
            "back" => NoArguments(args, verb, new BackCommand()),
            "who" => args.Count == 1 ? new WhoCommand(args[0].ToLowerInvariant()) : Invalid(verb, "Name one area."),
            "ack" => ParseAck(args),
            "decline" => ParseDecline(args),
            "prodaccess" => ButtonVerbParser.ParseProdAccess(args),
            "priority" => ButtonVerbParser.ParsePriority(args),
            "search" => args.Count > 0 ? new SearchCommand(string.Join(' ', args)) : Invalid("search", "Name the words to look for."),
            "owner" => ParseOwner(args),
            "handoff" => ParseHandoff(args),
            "status" => ParseStatus(args),
            "rollback" => ButtonVerbParser.ParseRollback(args),
            "restored" => ButtonVerbParser.ParseRestored(args),
            "area" => ButtonVerbParser.ParseArea(args),
            "check" => ButtonVerbParser.ParseCheck(args),
            "accept" => ButtonVerbParser.IncidentOnly(args, verb, id => new AcceptCommand(id)),
            "takeover" => ButtonVerbParser.IncidentOnly(args, verb, id => new TakeOverCommand(id)),
            "note" => WithText(args, verb, "Write the note.", (id, text) => new NoteCommand(id, text)),
            "action" => FollowUpParser.ParseAction(args),
            "done" => FollowUpParser.ParseDone(args),
            "sev" => ParseSeverity(args),
            "rootcause" => WithText(args, verb, "Write the root cause.", (id, text) => new RootCauseCommand(id, text)),
            "started" => ParseStarted(args),
            "related" => RelatedParser.ParseRelated(args),
            "reverify" => RelatedParser.ParseReverify(args),
            "resolve" => WithText(args, verb, "Say what you checked to confirm service is restored.", (id, text) => new ResolveCommand(id, text)),
            "postmortem" => ParsePostmortem(args),
            "ooo" => ParseOutOfOffice(args),
            "private" => ParseDeclare(args, isPrivate: true),
            "declare" => ParseDeclare(args, isPrivate: false) is DeclareCommand d ? d with { Explicit = true } : ParseDeclare(args, isPrivate: false),
            _ => VerbTypos.Correct(words) is { } meant ? new DidYouMeanCommand(meant, string.Join(' ', words)) : ParseDeclare(words, isPrivate: false),
        };
    }

    private static Command ParseDeclare(List<string> words, bool isPrivate)
    {
        string? area = null;
        int? severity = null;
        var summary = new List<string>();
        foreach (var word in words)
        {
            if (word.StartsWith("area:", StringComparison.OrdinalIgnoreCase))
            {
                area = word[5..].ToLowerInvariant();
                if (!AreaKey().IsMatch(area))
                {
                    return Invalid("", $"'{word}' is not an area: use area:<key>, for example area:payments.");
                }
            }
            else if (word.StartsWith("sev:", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(word[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var sev) || sev is < 1 or > 4)
                {
                    return Invalid("", $"'{word}' is not a severity: use sev:1 (worst) to sev:4.");
                }

                severity = sev;
            }
            else
            {
                summary.Add(word);
            }
        }

        var title = string.Join(' ', summary);
        if (title.Length == 0)
        {
            return Invalid("", "Say what is broken before the area and severity.");
        }

        if (title.Length > Usage.MaxSummaryLength)
        {
            return Invalid("", $"The summary is {title.Length} characters; keep it to {Usage.MaxSummaryLength} and add details in the thread.");
        }

        return new DeclareCommand(title, area, severity, isPrivate);
    }

    private static Command ParseAck(List<string> args)
    {
        var (id, rest) = TakeIncident(args);
        return rest.Count == 0 ? new AckCommand(id) : Invalid("ack", $"Unexpected '{string.Join(' ', rest)}'.");
    }

    /// <summary>The id is required: "Decline rate spiking" must not decline the one open incident's page.</summary>
    private static Command ParseDecline(List<string> args)
    {
        var (id, rest) = TakeIncident(args);
        return id is { } number
            ? new DeclineCommand(number, rest.Count > 0 ? string.Join(' ', rest) : null)
            : Invalid("decline", "Name the incident whose page you decline, as in 'decline INC-4 on the database migration'.");
    }

    private static Command ParseOwner(List<string> args)
    {
        var (id, rest) = TakeIncident(args);
        return rest.Count == 1 && Person(rest[0]) is { } person
            ? new OwnerCommand(id, person)
            : Invalid("owner", "Name one person: a mention or a registry id.");
    }

    private static Command ParseHandoff(List<string> args)
    {
        var (id, rest) = TakeIncident(args);
        return Handoff(id, rest.FirstOrDefault(), string.Join(' ', rest.Skip(1)));
    }

    /// <summary>A handoff to <paramref name="person"/> (a mention or a registry id), typed or from the Hand off form.</summary>
    internal static Command Handoff(long? id, string? person, string notes)
    {
        if (person is null || Person(person) is not { } who)
        {
            return Invalid("handoff", "Name the person taking over: a mention or a registry id.");
        }

        return notes.Length > 0
            ? new HandoffCommand(id, who, notes)
            : Invalid("handoff", "Write down what you would try next, so the new owner can carry on.");
    }

    private static Command ParseStatus(List<string> args)
    {
        var (id, rest) = TakeIncident(args);
        return Status(id, rest.FirstOrDefault(), PublicTitle.Take(rest.Skip(1).ToList()));
    }

    /// <summary>A status update, typed or from the Status form: the stage word, then the public title and message.</summary>
    internal static Command Status(long? id, string? stageWord, (string? Title, List<string> Message, string? Problem) rest)
    {
        if (stageWord is null || !Enum.TryParse<IncidentStatus>(stageWord, ignoreCase: true, out var stage) || !char.IsLetter(stageWord[0]))
        {
            return Invalid("status", stageWord is null ? "No stage given." : $"'{stageWord}' is not a stage.");
        }

        if (rest.Problem is not null)
        {
            return Invalid("status", rest.Problem);
        }

        return rest.Message.Count > 0
            ? new StatusCommand(id, stage, string.Join(' ', rest.Message), rest.Title)
            : Invalid("status", "Write the public message for the status page.");
    }

    /// <summary><c>sev 2</c> names no incident: one argument is always the severity, never an id.</summary>
    private static Command ParseSeverity(List<string> args)
    {
        var (id, rest) = args.Count == 1 ? ((long?)null, args) : TakeIncident(args);
        return rest.Count == 1 && Severity(rest[0]) is { } severity
            ? new SevCommand(id, severity)
            : Invalid("sev", rest.Count == 0 ? "Give the severity, 1 (worst) to 4." : $"'{string.Join(' ', rest)}' is not a severity: give 1 (worst) to 4.");
    }

    /// <summary><c>started 2 hours ago</c> is a time, not incident 2: the whole text is tried as a time first.</summary>
    private static Command ParseStarted(List<string> args)
    {
        if (PastTime.TryParse(string.Join(' ', args), out var when))
        {
            return new StartedCommand(null, when);
        }

        var (id, rest) = TakeIncident(args);
        return id is not null && PastTime.TryParse(string.Join(' ', rest), out when)
            ? new StartedCommand(id, when)
            : Invalid("started", args.Count == 0 ? "Say when the impact started." : $"'{string.Join(' ', args)}' is not a time: write 14:05 (UTC), 2h ago, 90 min ago or 2026-11-30T14:05Z.");
    }

    internal static int? Severity(string word) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var sev) && sev is >= 1 and <= 4 ? sev : null;

    private static Command ParsePostmortem(List<string> args)
    {
        var (id, rest) = TakeIncident(args);
        return rest.Count == 0 ? new PostmortemCommand(id) : Invalid("postmortem", $"Unexpected '{string.Join(' ', rest)}'.");
    }

    private static Command ParseOutOfOffice(List<string> args)
    {
        if (args.Count == 0)
        {
            return new OutOfOfficeCommand(null);
        }

        if (args.Count == 2 && args[0].Equals("until", StringComparison.OrdinalIgnoreCase)
            && DateOnly.TryParseExact(args[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
        {
            return new OutOfOfficeCommand(until);
        }

        return Invalid("ooo", "Give the date as until yyyy-mm-dd.");
    }

    private static Command WithText(List<string> args, string verb, string missing, Func<long?, string, Command> make)
    {
        var (id, rest) = TakeIncident(args);
        return rest.Count > 0 ? make(id, string.Join(' ', rest)) : Invalid(verb, missing);
    }

    private static Command NoArguments(List<string> args, string verb, Command command) =>
        args.Count == 0 ? command : Invalid(verb, $"'{verb}' takes no arguments.");

    internal static (long? Id, List<string> Remaining) TakeIncident(List<string> args) =>
        args.Count > 0 && IncidentId.TryParse(args[0], out var number) ? (number, args.Skip(1).ToList()) : (null, args);

    /// <summary>A person is a platform mention (<c>&lt;@U123&gt;</c>, <c>&lt;@U123|name&gt;</c>) or a registry id (<c>alice</c>, <c>@alice</c>).</summary>
    internal static string? Person(string word)
    {
        var mention = MentionToken().Match(word);
        if (mention.Success)
        {
            return $"<@{mention.Groups["id"].Value}>";
        }

        var id = word.TrimStart('@').ToLowerInvariant();
        return RegistryId().IsMatch(id) ? id : null;
    }

    internal static InvalidCommand Invalid(string verb, string problem) => new(verb, problem);

    private static List<string> Split(string? text) =>
        (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    [GeneratedRegex("^<@(?<id>[A-Za-z0-9:_-]+)(\\|[^>]*)?>$")]
    private static partial Regex MentionToken();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex RegistryId();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex AreaKey();
}
