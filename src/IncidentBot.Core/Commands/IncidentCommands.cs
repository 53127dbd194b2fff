using IncidentBot.Core.Actions;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Status;
using IncidentBot.Core.Postmortem;

namespace IncidentBot.Core.Commands;

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
    ImpactStart impactStart)
{
    /// <summary>
    /// What to answer the moment a command arrives, before it is processed (Slack's slash commands want an
    /// answer within 3 s). Help and usage need nothing stored, so they are final; anything else is a receipt.
    /// </summary>
    public static CommandReceipt Receive(string? text, string commandPrefix) => CommandParser.Parse(text) switch
    {
        HelpCommand => new(Usage.Help(commandPrefix), IsFinal: true),
        InvalidCommand invalid => new(Usage.For(invalid, commandPrefix), IsFinal: true),
        DeclareCommand declare => new($"Declaring {ThreadRoot.TitlePrefix}{declare.Summary} ...", IsFinal: false),
        _ => new("Working on it ...", IsFinal: false),
    };

    /// <summary>Runs the command. <c>answeredAtReceipt</c> is true when the sender already has the <see cref="Receive"/> answer.</summary>
    public async Task Execute(CommandContext context, string? text, bool answeredAtReceipt, CancellationToken ct)
    {
        var platform = platforms[context.Platform];
        var command = CommandParser.Parse(text);
        if (command is HelpCommand or InvalidCommand && answeredAtReceipt)
        {
            return;
        }

        if (command is DeclareCommand declareCommand)
        {
            await declare.Run(context, declareCommand, ct);
            return;
        }

        var answer = command switch
        {
            HelpCommand => Usage.Help(platform.CommandPrefix),
            InvalidCommand invalid => Usage.For(invalid, platform.CommandPrefix),
            ListCommand => await list.Describe(ct),
            AreasCommand => await people.Areas(ct),
            WhoCommand who => await people.Who(who.Area, ct),
            OutOfOfficeCommand ooo => await people.OutOfOffice(context, ooo.Until is { } until ? NodaTime.LocalDate.FromDateOnly(until) : null, ct),
            BackCommand => await people.Back(context, ct),
            AckCommand ack => await OnIncident(context, ack.Incident, "ack", i => Acknowledge(i, context, ct), ct),
            OwnerCommand owner => await OnIncident(context, owner.Incident, "owner", i => SetOwner(i, owner.Person, context, ct), ct),
            HandoffCommand h => await OnIncident(context, h.Incident, "handoff", i => handoff.Run(i, h.Person, h.Notes, context.User, ct), ct),
            StatusCommand s => await OnIncident(context, s.Incident, "status", i => status.Run(i, s.Stage, s.PublicMessage, s.PublicTitle, context.User, context.RequestKey, ct), ct),
            ResolveCommand r => await OnIncident(context, r.Incident, "resolve", i => resolve.Run(i, r.Verification, context.User, ct), ct),
            RollbackCommand r => await OnIncident(context, r.Incident, "rollback", i => rollback.Decide(i, r.Answer, r.Note, context.User, ct), ct),
            NoteCommand note => await OnIncident(context, note.Incident, "note", i => notes.AddNote(i, note.Text, context.User, context.RequestKey, ct), ct),
            ActionCommand action => await OnIncident(context, action.Incident, "action", i => actions.Add(i, action, context, ct), ct),
            DoneCommand done => await actions.Done(done.Action, context, ct),
            SevCommand sev => await OnIncident(context, sev.Incident, "sev", i => severity.Run(i, sev.Severity, context, ct), ct),
            StartedCommand started => await OnIncident(context, started.Incident, "started", i => impactStart.Set(i, started.When, context, ct), ct),
            PostmortemCommand draft => await OnIncident(context, draft.Incident, "postmortem", i => postmortem.ForChat(i, ct), ct),
            _ => $"'{Verb(command)}' is not available in this version yet.",
        };
        await platform.Answer(context, new ChatMessage($"{context.RequestKey}:answer", answer), ct);
    }

    private async Task<string> OnIncident(CommandContext context, long? named, string verb, Func<Incident, Task<string>> run, CancellationToken ct)
    {
        var (incident, problem) = await lookup.Find(context, named, verb, ct);
        return incident is null ? problem! : await run(incident);
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
