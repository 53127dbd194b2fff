using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Search;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Declaration;

/// <summary>
/// <c>/outage &lt;summary&gt;</c>: opens the incident, queues its <c>[Outage]</c> thread and tells the declarer.
/// Then pages the area's owners and starts the declarer's end-of-day handoff schedule (they own it until someone
/// acknowledges). Safe to run twice for the same request: the store returns the first incident and
/// the messages' keys repeat.
/// </summary>
public sealed class DeclareIncident(
    IIncidentStore store,
    ChatPlatforms platforms,
    AreaOnDeclare areas,
    RollbackFirst rollback,
    Checklist checklist,
    Nudges nudges,
    HandoffSchedule handoffs,
    SevOneDeciders deciders,
    SimilarIncidents similar,
    TimeProvider clock)
{
    public async Task<Incident> Run(CommandContext context, DeclareCommand command, CancellationToken ct)
    {
        var platform = platforms[context.Platform];
        var now = clock.GetUtcNow();
        var draft = new NewIncident(
            context.RequestKey,
            command.Summary,
            command.Severity,
            areas.KeyFor(command.Area, command.Summary),
            DeclaredBy: context.User,
            Owner: context.User,
            DeclaredAt: now,
            context.Platform,
            platform.IncidentChannelFor(context.Channel),
            IsPrivate: command.IsPrivate || context.PrivateChannel);
        var declared = new TimelineEntry(now, TimelineKind.Declared, context.User, command.Summary, SourceId: "declared");

        var incident = await store.Create(draft, declared, ct);
        await platform.OpenThread(incident, ThreadRoot.For(incident), ct);
        await platform.Answer(
            context,
            new ChatMessage($"{context.RequestKey}:declared", $"{incident.Id} declared: {ThreadRoot.TitlePrefix}{incident.Title}. Its thread is opening now.{PrivateNote(incident)}"),
            ct);
        await Respond(incident, command.Area, context.RequestKey, ct);
        return incident;
    }

    /// <summary>
    /// What follows every declaration, by a person or an alert: page the area (or ask for it), tell the deciders of a
    /// SEV-1, ask the rollback question, post the checklist, start the nudges and the owner's end-of-day schedule, and
    /// show similar earlier incidents.
    /// </summary>
    public async Task Respond(Incident incident, string? givenArea, string requestKey, CancellationToken ct)
    {
        await areas.Start(incident, givenArea, ct);
        if (incident.Severity == 1)
        {
            await deciders.Tell(incident, incident.DeclaredBy, requestKey, ct);
        }

        await rollback.Ask(incident, ct);
        await checklist.Post(incident, ct);
        await nudges.Start(incident, ct);
        await handoffs.Start(incident, ct);
        await similar.Post(incident, ct);
    }

    private static string PrivateNote(Incident incident) =>
        incident.IsPrivate ? " It is private: it never appears on the status page, and status updates go to the private stakeholder channels only." : "";
}
