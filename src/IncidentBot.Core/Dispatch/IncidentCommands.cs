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

/// <summary>
/// Runs a command from any platform, whether typed, pressed (<see cref="IncidentButtons"/>) or submitted in a form
/// (<see cref="FormSubmissions"/>): finds the incident, asks whether the sender may, makes mentions in their text
/// harmless, hands the command to its use case and answers the sender. One path, so every rule holds however asked.
/// </summary>
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
    SearchIncidents search,
    AreaOnDeclare areas,
    Checklist checklist,
    IncidentForms forms,

    RelateIncidents related,
    RecurrenceCheck recurrence)
{
    /// <summary>
    /// What to answer the moment a command arrives (Slack's slash commands want an answer within 3 s). Help, usage and
    /// parse errors are <see cref="CommandReceipt.IsFinal"/>: the receiver answers them and stores nothing. Anything
    /// else gets this receipt and is stored to be run.
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
    /// Answers help, usage and parse errors at once, with nothing stored or run; false when the command has work to do
    /// (the receiver stores it, and <see cref="Run"/> runs it from the inbox).
    /// </summary>
    public async Task<bool> AnswerIfFinal(CommandContext context, string? text, CancellationToken ct)
    {
        var platform = platforms[context.Platform];
        if (Receive(text, platform.CommandPrefix) is not { IsFinal: true } receipt)
        {
            return false;
        }

        await platform.Answer(context, new ChatMessage($"{context.RequestKey}:answer", receipt.Answer), ct);
        return true;
    }

    /// <summary>
    /// A command as typed. A summary that names an existing incident (<c>INC-4 back to normal</c>) declares nothing: the
    /// sender is asked what they meant, from the words as written.
    /// </summary>
    public async Task Run(CommandContext context, string? text, CancellationToken ct)
    {
        var command = CommandParser.Parse(text);
        if (command is DeclareCommand { Explicit: false, IsPrivate: false } && await didYouMean.ForSummary(text!, ct) is { } namesAnIncident)
        {
            command = namesAnIncident;
        }

        await Execute(context, command, ct);
    }

    /// <summary>Runs the command. One the sender may not give is answered with who may, and nothing else happens.</summary>
    public async Task Execute(CommandContext context, Command command, CancellationToken ct)
    {
        var platform = platforms[context.Platform];
        if (command is DidYouMeanCommand meant)
        {
            await platform.Answer(context, DidYouMean.Message(context, meant, platform.CommandPrefix), ct);
            return;
        }

        var answer = IsAboutAnIncident(command) || Acts.Of(command) is not { } act
            ? await Dispatch(context, await mentions.Neutralise(context, command, ct), ct)
            : await permissions.Refuses(context, act, null, ct) ? null : await Dispatch(context, await mentions.Neutralise(context, command, ct), ct);
        if (answer is not null)
        {
            await platform.Answer(context, new ChatMessage($"{context.RequestKey}:answer", answer), ct);
        }
    }

    /// <summary>What to answer; null when the sender has their answer already (declaring, a refusal, a form opened).</summary>
    private async Task<string?> Dispatch(CommandContext context, Command command, CancellationToken ct)
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
            DoneCommand done => await actions.Done(done.Action, context, ct),
            _ => await OnIncident(context, command, ct),
        };
    }

    /// <summary>A command about one incident: found first, then the sender's permission for it, then its use case.</summary>
    private async Task<string?> OnIncident(CommandContext context, Command command, CancellationToken ct)
    {
        if (UseCase(context, command, ct) is not { } useCase)
        {
            return $"'{Verb(command)}' is not available in this version yet.";
        }

        var (incident, problem) = await lookup.Find(context, useCase.Named, useCase.Verb, ct);
        if (incident is null)
        {
            return problem!;
        }

        // ack accepts a handoff waiting for the sender, else acknowledges a page: two acts with their own rules.
        var act = command is AckCommand
            ? await handoff.IsWaitingFor(incident, context.User, ct) ? Acts.Accept : Acts.Acknowledge
            : ButtonActs.Of(command);
        return act is not null && await permissions.Refuses(context, act, incident, ct) ? null : await useCase.Run(incident);
    }

    /// <summary>The incident a command names (null: the one meant by where it was given), its verb for the lookup's hints, and its use case.</summary>
    private (long? Named, string Verb, Func<Incident, Task<string?>> Run)? UseCase(CommandContext context, Command command, CancellationToken ct)
    {
        var user = context.User;
        return command switch
        {
            AckCommand ack => (ack.Incident, "ack", async i => await Acknowledge(i, context, ct)),
            AcceptCommand a => (a.Incident, "accept", async i => await handoff.Accept(i, user, ct)),
            TakeOverCommand t => (t.Incident, "takeover", async i => await ownership.SetOwner(i, user, user, context.RequestKey, ct)),
            RootCauseCommand rc => (rc.Incident, "rootcause", async i => await rootCause.Run(i, rc.Text, user, context.RequestKey, ct)),
            PriorityCommand q => (q.Incident, "priority", async i => await deciders.Ask(i, q.Question, user, ct)),
            PriorityAnswerCommand a => (a.Incident, "priority", async i => await deciders.Answer(i, a.DropEverything, a.Note, user, ct)),
            ProdAccessCommand p => (p.Incident, "prodaccess", async i => await prodAccess.Request(i, user, ct)),
            ProdAccessAckCommand p => (p.Incident, "prodaccess", async i => await prodAccess.Acknowledge(i, user, ct)),
            DeclineCommand d => (d.Incident, "decline", async i => await decline.Run(i, d.Reason, user, ct)),
            OwnerCommand owner => (owner.Incident, "owner", async i => await SetOwner(i, owner.Person, context, ct)),
            HandoffCommand h => (h.Incident, "handoff", async i => await handoff.Run(i, h.Person, h.Notes, user, ct)),
            StatusCommand s => (s.Incident, "status", async i => await status.Run(i, s.Stage, s.PublicMessage, s.PublicTitle, user, context.RequestKey, ct)),
            ResolveCommand r => (r.Incident, "resolve", async i => await Resolve(i, r, user, ct)),
            RelatedCommand r => (r.Incident, "related", async i => await related.Link(context, i, r.Other, ct)),
            ReverifyCommand v => (v.Incident, "reverify", async i => await recurrence.Answer(i, v.Earlier, v.Repeated, v.Note, user, ct)),
            RollbackCommand r => (r.Incident, "rollback", async i => await rollback.Decide(i, r.Answer, r.Note, user, ct)),
            RestoredCommand r => (r.Incident, "restored", async i => await rollback.Restored(i, r.Restored, user, ct)),
            AreaCommand a => (a.Incident, "area", async i => i.IsOpen ? await areas.Choose(i, a.Area, ct) : $"{i.Id} is resolved."),
            CheckCommand c => (c.Incident, "check", async i => await Check(context, i, c.Step, ct)),
            NoteCommand note => (note.Incident, "note", async i => await notes.AddNote(i, note.Text, user, context.RequestKey, ct)),
            ActionCommand action => (action.Incident, "action", async i => await actions.Add(i, action, context, ct)),
            SevCommand sev => (sev.Incident, "sev", async i => await severity.Run(i, sev.Severity, context, ct)),
            StartedCommand started => (started.Incident, "started", async i => await impactStart.Set(i, started.When, context, ct)),
            PostmortemCommand draft => (draft.Incident, "postmortem", async i => await postmortem.ForChat(i, ct)),
            OpenFormCommand form => (form.Incident, "", i => OpenForm(context, i, form, ct)),
            _ => null,
        };
    }

    /// <summary>Commands whose permission depends on the incident they are about, checked once it is found.</summary>
    private static bool IsAboutAnIncident(Command command) => command is not (DeclareCommand or ListCommand or SearchCommand or AreasCommand or WhoCommand
        or OutOfOfficeCommand or BackCommand or DoneCommand or HelpCommand or InvalidCommand or DidYouMeanCommand);

    /// <summary>The Resolve form may be submitted blank; the command never is.</summary>
    private async Task<string> Resolve(Incident incident, ResolveCommand command, string by, CancellationToken ct) =>
        command.Verification.Length == 0
            ? "Write what you checked to confirm service is restored; the incident stays open until then."
            : await resolve.Run(incident, command.Verification, by, command.RootCause, command.Resolution, ct);

    /// <summary>The root-cause step is checked off by writing the root cause: its button opens that form.</summary>
    private async Task<string?> Check(CommandContext context, Incident incident, string step, CancellationToken ct) =>
        checklist.AsksForTheRootCause(step)
            ? await forms.Open(context, incident, FormButtons.RootCauseAction, "", ct)
            : await checklist.Check(incident, step, context.User, ct);

    /// <summary>A decider's Drop everything / Can wait opens a form for a note; without forms, the answer is recorded as pressed.</summary>
    private async Task<string?> OpenForm(CommandContext context, Incident incident, OpenFormCommand form, CancellationToken ct) =>
        form.Form != AskDeciders.AnswerAction
            ? await forms.Open(context, incident, form.Form, form.Choice, ct)
            : await platforms[context.Platform].OpenForm(context, IncidentForms.PriorityAnswerForm(incident, form.Choice), ct)
                ? null
                : await deciders.Answer(incident, form.Choice == "drop", null, context.User, ct);

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
            return ownership.SetOwner(incident, person, context.User, context.RequestKey, ct);
        }

        var platform = platforms[incident.Thread.Platform];
        return roster.Registry.People.TryGetValue(person, out var known)
            ? ownership.SetOwner(incident, platform.Handle(known) ?? known.Name, context.User, context.RequestKey, ct)
            : Task.FromResult($"There is no '{person}' in the expertise registry: mention them instead.");
    }

    private static string Verb(Command command) =>
        command.GetType().Name.Replace("Command", "", StringComparison.Ordinal).ToLowerInvariant();
}

public sealed record CommandReceipt(string Answer, bool IsFinal);
