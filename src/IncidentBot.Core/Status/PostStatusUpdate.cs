using IncidentBot.Core.Chat;
using IncidentBot.Core.Home;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Status;

/// <summary>
/// <c>status &lt;stage&gt; [title:"..."] &lt;public message&gt;</c>: records a public update, moves the incident to that
/// stage, notes it on the timeline and in the thread, and publishes it everywhere outside (status page, stakeholder
/// channels, Statuspage). The first update of a non-private incident is what makes it public, under the title given
/// or a neutral one; a private incident's updates reach only the thread and the private stakeholder channels.
/// Resolving is not a status update: it needs what was verified, so it goes through resolve.
/// Each step is keyed by the request, so processing the same request again (after a crash half-way) finishes the
/// steps still missing and publishes the update once.
/// </summary>
public sealed class PostStatusUpdate(
    IIncidentStore incidents,
    IStatusStore statuses,
    IEnumerable<IStatusPublisher> publishers,
    Nudges nudges,
    ChatPlatforms platforms,
    IRegistrySource registry,
    TimeProvider clock,
    HomeRefresh? home = null)
{
    public async Task<string> Run(
        Incident incident, IncidentStatus stage, string publicMessage, string? publicTitle, string by, string requestKey, CancellationToken ct)
    {
        if (!incident.IsOpen)
        {
            return $"{incident.Id} is resolved; its status page entry is final. If the problem is back, declare a new incident.";
        }

        if (stage == IncidentStatus.Resolved)
        {
            return "To resolve, say what you checked: resolve <what you verified>";
        }

        var update = await statuses.Record(new StatusUpdate(incident.Number, stage, publicMessage, clock.GetUtcNow(), by, StatusUpdate.KeyFor(requestKey)), ct);
        // A request retried after a newer update went out only completes its own record: the newer stage stands.
        var newest = (await statuses.ForIncident(incident.Number, ct))[^1].Key == update.Key;
        if (newest)
        {
            await statuses.SetIncidentStatus(incident.Number, update.Stage, ct);
        }

        var shown = newest ? await WithPublicTitle(incident, publicTitle, ct) : incident;
        var text = $"Status: {update.StageName} — {update.PublicMessage}";
        await incidents.Append(incident.Number, new TimelineEntry(update.At, TimelineKind.Status, update.By, text, update.Key), ct);
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:{update.Key}", text), ct);
        if (newest)
        {
            await Publish(shown with { Status = update.Stage }, update, ct);
        }

        // The next update is due the severity's cadence from this one.
        await nudges.Reschedule(incident, ct);
        await (home?.Incident(incident.Number, $"{incident.Id}:{update.Key}", by, ct) ?? Task.CompletedTask);
        return shown.IsPublished
            ? $"{incident.Id} is {update.StageName} now. The update is on the status page as \"{shown.PublicTitle}\" and on its way to the stakeholders."
            : $"{incident.Id} is {update.StageName} now. It is private: the update went to the thread and the private stakeholder channels only, never to the status page.";
    }

    /// <summary>
    /// Called by the resolve use case once the incident is resolved: the places that were told about it get a
    /// final update (an incident never published stays off the public pages). No timeline entry: resolving writes its
    /// own. Keyed by the incident, so a resolve finished by a retry publishes once.
    /// </summary>
    public async Task PublishResolved(Incident incident, string by, CancellationToken ct)
    {
        var resolved = new StatusUpdate(incident.Number, IncidentStatus.Resolved, StatusUpdate.ResolvedMessage, incident.ResolvedAt ?? clock.GetUtcNow(), by, StatusUpdate.ResolvedKey);
        var update = await statuses.Record(resolved, ct);
        await Publish(incident with { Status = IncidentStatus.Resolved }, update, ct);
    }

    /// <summary>The title the public sees: the one given now, else the one it has, else the neutral one. Never for a private incident.</summary>
    private async Task<Incident> WithPublicTitle(Incident incident, string? given, CancellationToken ct)
    {
        var title = incident.IsPrivate ? null : given ?? incident.PublicTitle ?? PublicTitles.For(incident, registry.Current);
        if (title is not null && title != incident.PublicTitle)
        {
            await statuses.SetPublicTitle(incident.Number, title, ct);
        }

        return incident with { PublicTitle = title };
    }

    private async Task Publish(Incident incident, StatusUpdate update, CancellationToken ct)
    {
        foreach (var publisher in publishers.Where(p => incident.IsPublished || !p.IsPublic))
        {
            await publisher.Publish(incident, update, ct);
        }
    }
}
