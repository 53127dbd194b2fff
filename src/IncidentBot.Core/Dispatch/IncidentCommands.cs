using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Declaration;
using IncidentBot.Core.FollowUps;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Impact;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Owners;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Resolve;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Search;
using IncidentBot.Core.Status;

namespace IncidentBot.Core.Dispatch;

/// <summary>Runs a command from any platform: parses it, hands it to its use case, answers the sender.</summary>
public sealed class IncidentCommands(
    ChatPlatforms platforms,
    DeclareIncident declare,
    ListIncidents list,
    IncidentLookup lookup,
    Ownership ownership,
    HandOff handoff,
    PeopleCommands people,
    ResolveIncident resolve,
    RollbackFirst rollback,
    PostStatusUpdate status,
    Roster roster,
    Notes notes,
    DraftPostmortem postmortem,
    FollowUpActions actions,
    ChangeSeverity severity,
    ImpactStart impactStart,
    Permissions permissions,
    UserMentions mentions,
    DidYouMean didYouMean,
    DeclinePage decline,
    RootCauseFound rootCause,
    ProductionAccess prodAccess,
    AskDeciders deciders,
    SearchIncidents search)
{
    /// <summary>
    /// What to answer the moment a command arrives, before it is processed (Slack's slash commands want an
    /// answer within 3 s). Help and usage need nothing stored, so they are final; anything else is a receipt.
    /// </summary>
    public static CommandReceipt Receive(string? text, string commandPrefix) => CommandParser.Parse(text) switch
    {
        HelpCommand => new(Usage.Help(commandPrefix), IsFinal: true),
        InvalidCommand invalid => new(Usage.For(invalid, commandPrefix), IsFinal: true),
        DeclareCommand declare when declare.Explicit || !DidYouMean.NamesAnId(declare.Summary) =>
            new($"Declaring {ThreadRoot.TitlePrefix}{declare.Summary} ...", IsFinal: false),
        _ => new("Working on it ...", IsFinal: false),
    };

    /// <summary>
    /// Runs the command. <c>answeredAtReceipt</c> is true when the sender already has the <see cref="Receive"/> answer.
    /// A command the sender may not give is answered with who may, and nothing else happens.
    /// </summary>
    public async Task Execute(CommandContext context, string? text, bool answeredAtReceipt, CancellationToken ct)
    {
        var platform = platforms[context.Platform];
        var command = CommandParser.Parse(text);
        if (command is HelpCommand or InvalidCommand && answeredAtReceipt)
        {
            return;
        }

        if (command is DeclareCommand { Explicit: false, IsPrivate: false } && await didYouMean.ForSummary(text!, ct) is { } namesAnIncident)
        {
            command = namesAnIncident;
        }

        if (command is DidYouMeanCommand meant)
        {
            await platform.Answer(context, DidYouMean.Message(context, meant, platform.CommandPrefix), ct);
            return;
        }

        var answer = IsAboutAnIncident(command) || Acts.Of(command) is not { } act
            ? await Run(context, await mentions.Neutralise(context, command, ct), ct)
            : await permissions.Refuses(context, act, null, ct) ? null : await Run(context, await mentions.Neutralise(context, command, ct), ct);
        if (answer is not null)
        {
            await platform.Answer(context, new ChatMessage($"{context.RequestKey}:answer", answer), ct);
        }
    }

    /// <summary>What to answer; null when the sender has their answer already (declaring, a refusal).</summary>
    private async Task<string?> Run(CommandContext context, Command command, CancellationToken ct)
    {
        if (command is DeclareCommand declareCommand)
        {
            await declare.Run(context, declareCommand, ct);
            return null;
        }

        var platform = platforms[context.Platform];
        return command switch
        {
            HelpCommand => Usage.Help(platform.CommandPrefix),
            InvalidCommand invalid => Usage.For(invalid, platform.CommandPrefix),
            ListCommand => await list.Describe(context, ct),
            SearchCommand s => await search.Run(context, s.Words, ct),
            AreasCommand => await people.Areas(ct),
            WhoCommand who => await people.Who(who.Area, ct),
            OutOfOfficeCommand ooo => await people.OutOfOffice(context, ooo.Until is { } until ? NodaTime.LocalDate.FromDateOnly(until) : null, ct),
            BackCommand => await people.Back(context, ct),
            AckCommand ack => await OnIncident(context, ack, ack.Incident, "ack", i => Acknowledge(i, context, ct), ct),
            RootCauseCommand rc => await OnIncident(context, rc, rc.Incident, "rootcause", i => rootCause.Run(i, rc.Text, context.User, context.RequestKey, ct), ct),
            PriorityCommand q => await OnIncident(context, q, q.Incident, "priority", i => deciders.Ask(i, q.Question, context.User, ct), ct),
            PriorityAnswerCommand a => await OnIncident(context, a, a.Incident, "priority", i => deciders.Answer(i, a.DropEverything, a.Note, context.User, ct), ct),
            ProdAccessCommand p => await OnIncident(context, p, p.Incident, "prodaccess", i => prodAccess.Request(i, context.User, ct), ct),
            DeclineCommand d => await OnIncident(context, d, d.Incident, "decline", i => decline.Run(i, d.Reason, context.User, ct), ct),
            OwnerCommand owner => await OnIncident(context, owner, owner.Incident, "owner", i => SetOwner(i, owner.Person, context, ct), ct),
            HandoffCommand h => await OnIncident(context, h, h.Incident, "handoff", i => handoff.Run(i, h.Person, h.Notes, context.User, ct), ct),
            StatusCommand s => await OnIncident(context, s, s.Incident, "status", i => status.Run(i, s.Stage, s.PublicMessage, s.PublicTitle, context.User, context.RequestKey, ct), ct),
            ResolveCommand r => await OnIncident(context, r, r.Incident, "resolve", i => resolve.Run(i, r.Verification, context.User, ct), ct),
            RollbackCommand r => await OnIncident(context, r, r.Incident, "rollback", i => rollback.Decide(i, r.Answer, r.Note, context.User, ct), ct),
            NoteCommand note => await OnIncident(context, note, note.Incident, "note", i => notes.AddNote(i, note.Text, context.User, context.RequestKey, ct), ct),
            ActionCommand action => await OnIncident(context, action, action.Incident, "action", i => actions.Add(i, action, context, ct), ct),
            DoneCommand done => await actions.Done(done.Action, context, ct),
            SevCommand sev => await OnIncident(context, sev, sev.Incident, "sev", i => severity.Run(i, sev.Severity, context, ct), ct),
            StartedCommand started => await OnIncident(context, started, started.Incident, "started", i => impactStart.Set(i, started.When, context, ct), ct),
            PostmortemCommand draft => await OnIncident(context, draft, draft.Incident, "postmortem", i => postmortem.ForChat(i, ct), ct),
            _ => $"'{Verb(command)}' is not available in this version yet.",
        };
    }

    /// <summary>Commands whose permission depends on the incident they are about, checked once it is found.</summary>
    private static bool IsAboutAnIncident(Command command) => command is AckCommand or DeclineCommand or RootCauseCommand or ProdAccessCommand or PriorityCommand or PriorityAnswerCommand or OwnerCommand or HandoffCommand or StatusCommand
        or ResolveCommand or RollbackCommand or NoteCommand or ActionCommand or SevCommand or StartedCommand or PostmortemCommand;

    private async Task<string?> OnIncident(CommandContext context, Command command, long? named, string verb, Func<Incident, Task<string>> run, CancellationToken ct)
    {
        var (incident, problem) = await lookup.Find(context, named, verb, ct);
        if (incident is null)
        {
            return problem!;
        }

        // ack accepts a handoff waiting for the sender, else acknowledges a page: two acts with their own rules.
        var act = command is AckCommand
            ? await handoff.IsWaitingFor(incident, context.User, ct) ? Acts.Accept : Acts.Acknowledge
            : Acts.Of(command);
        return act is not null && await permissions.Refuses(context, act, incident, ct) ? null : await run(incident);
    }

    /// <summary><c>ack</c> accepts a handoff waiting for the sender (platforms without buttons), else acknowledges a page.</summary>
    private async Task<string> Acknowledge(Incident incident, CommandContext context, CancellationToken ct) =>
        await handoff.IsWaitingFor(incident, context.User, ct)
            ? await handoff.Accept(incident, context.User, ct)
            : await ownership.Acknowledge(incident, context.User, ct);

    /// <summary>A mention names someone on this platform already; a registry id is turned into their handle here.</summary>
    private Task<string> SetOwner(Incident incident, string person, CommandContext context, CancellationToken ct)
    {
        if (person.StartsWith("<@", StringComparison.Ordinal))
        {
            return ownership.SetOwner(incident, person, context.User, ct);
        }

        var platform = platforms[incident.Thread.Platform];
        return roster.Registry.People.TryGetValue(person, out var known)
            ? ownership.SetOwner(incident, platform.Handle(known) ?? known.Name, context.User, ct)
            : Task.FromResult($"There is no '{person}' in the expertise registry: mention them instead.");
    }

    private static string Verb(Command command) =>
        command.GetType().Name.Replace("Command", "", StringComparison.Ordinal).ToLowerInvariant();
}

public sealed record CommandReceipt(string Answer, bool IsFinal);
