namespace IncidentBot.Core.Commands;

/// <summary>The command grammar as people read it; the same words on every platform.</summary>
public static class Usage
{
    public const int MaxSummaryLength = 150;

    private static readonly (string Verb, string Syntax, string Meaning)[] Verbs =
    [
        ("", "<summary> [area:<key>] [sev:<1-4>]", "declare an outage and open its [Outage] thread"),
        ("declare", "declare <summary> [area:<key>] [sev:<1-4>]", "declare, even when the summary starts like a command or names an incident"),
        ("private", "private <summary> [area:<key>] [sev:<1-4>]", "declare a private incident: never on the status page or Statuspage"),
        ("help", "help", "this list"),
        ("list", "list", "open incidents"),
        ("search", "search <words>", "incidents whose title, thread, root cause or verification mention every word"),
        ("areas", "areas", "areas of expertise and their owners"),
        ("who", "who <area>", "who owns an area and who is available now"),
        ("ack", "ack [INC-n]", "acknowledge a page and take ownership"),
        ("accept", "accept [INC-n]", "accept the incident handed to you and become its owner"),
        ("takeover", "takeover [INC-n]", "become the owner yourself (when asked to step in)"),
        ("decline", "decline INC-n [why]", "decline a page (you are on something equally urgent): the next person is paged at once"),
        ("priority", "priority [INC-n] <question> | priority [INC-n] drop|wait [note]", "ask the deciders whether this comes before other work; deciders answer drop (everything) or wait"),
        ("prodaccess", "prodaccess [INC-n] [ack]", "page the people with production access, one at a time, until one acknowledges (ack: you are paged and on it)"),
        ("area", "area [INC-n] <key>", "choose the affected area when the bot asks; its owners are paged"),
        ("owner", "owner [INC-n] @person", "make someone the incident owner"),
        ("handoff", "handoff [INC-n] @person <what to try next>", "hand the incident to someone else"),
        ("status", "status [INC-n] <investigating|identified|monitoring|resolved> [title:\"<public title>\"] <public message>", "publish a status update (the first one puts the incident on the status page under its public title)"),
        ("rollback", "rollback [INC-n] yes|no|unsure [note]", "answer the rollback-first question"),
        ("restored", "restored [INC-n] yes|no", "say whether the rollback restored service (yes counts as mitigated)"),
        ("check", "check [INC-n] <step>", "check off a runbook checklist step, by its number in the checklist or its id"),
        ("note", "note [INC-n] <text>", "add a note to the timeline"),
        ("sev", "sev [INC-n] <1-4>", "change the severity (1 is the worst; SEV-1 tells the deciders)"),
        ("started", "started [INC-n] <14:05 | 2h ago | 2026-11-30T14:05Z>", "when the impact started (UTC), for the time to detect"),
        ("rootcause", "rootcause [INC-n] <what caused it>", "record the root cause (the postmortem uses it) and get asked for an 'identified' status update"),
        ("action", "action [INC-n] [@owner] [due:<yyyy-mm-dd>] <follow-up>", "record a follow-up action (A-<n>) for the postmortem"),
        ("done", "done A-<n>", "mark a follow-up action done"),
        ("related", "related [INC-n] <other INC-m>", "relate two incidents (a recurrence): both timelines say so, the postmortem lists it, resolving asks about its checks"),
        ("reverify", "reverify [INC-n] <earlier INC-m> repeated|not-needed [note]", "say whether a related earlier incident's verification steps were repeated"),
        ("resolve", "resolve [INC-n] <what you verified>", "resolve, saying how you confirmed service is back"),
        ("postmortem", "postmortem [INC-n]", "draft the postmortem"),
        ("ooo", "ooo [until <yyyy-mm-dd>]", "mark yourself out of office"),
        ("back", "back", "mark yourself available again"),
    ];

    public static IEnumerable<string> VerbNames => Verbs.Where(v => v.Verb.Length > 0).Select(v => v.Verb);

    /// <summary>The full help text, each line prefixed with the platform's command (<c>/outage</c>).</summary>
    public static string Help(string commandPrefix) =>
        string.Join('\n', Verbs.Select(v => $"{commandPrefix} {v.Syntax} : {v.Meaning}"))
        + $"\nThe incident id may be left out inside the incident's thread, or when exactly one incident is open.";

    public static string Of(string? verb, string commandPrefix)
    {
        var line = Verbs.FirstOrDefault(v => v.Verb == (verb ?? ""));
        return $"Usage: {commandPrefix} {line.Syntax}";
    }

    /// <summary>The answer to a command that could not be parsed: what was wrong, then how to say it.</summary>
    public static string For(InvalidCommand invalid, string commandPrefix) =>
        invalid.Verb is null
            ? $"{invalid.Problem}\n{Help(commandPrefix)}"
            : $"{invalid.Problem}\n{Of(invalid.Verb, commandPrefix)}";
}
