using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Status;

/// <summary>
/// <c>status &lt;stage&gt; &lt;public message&gt;</c>: records a public update, moves the incident to that stage,
/// notes it on the timeline and in the thread, and publishes it everywhere outside (status page, stakeholder
/// channels, Statuspage). Resolving is not a status update: it needs what was verified, so it goes through resolve.
/// </summary>
public sealed class PostStatusUpdate(
    IIncidentStore incidents,
    IStatusStore statuses,
    IEnumerable<IStatusPublisher> publishers,
    Nudges nudges,
    ChatPlatforms platforms,
    TimeProvider clock)
{
    public async Task<string> Run(Incident incident, IncidentStatus stage, string publicMessage, string by, CancellationToken ct)
    {
        if (!incident.IsOpen)
        {
            return $"{incident.Id} is resolved; its status page entry is final. If the problem is back, declare a new incident.";
        }

        if (stage == IncidentStatus.Resolved)
        {
            return "To resolve, say what you checked: resolve <what you verified>";
        }

        var update = new StatusUpdate(incident.Number, stage, publicMessage, clock.GetUtcNow(), by);
        await statuses.Record(update, ct);
        await statuses.SetIncidentStatus(incident.Number, stage, ct);

        var text = $"Status: {update.StageName} — {publicMessage}";
        await incidents.Append(incident.Number, new TimelineEntry(update.At, TimelineKind.Status, by, text, update.Key), ct);
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:{update.Key}", text), ct);
        await Publish(incident with { Status = stage }, update, ct);

        // The next update is due the severity's cadence from this one.
        await nudges.Reschedule(incident, ct);
        return $"{incident.Id} is {update.StageName} now. The update is on the status page and on its way to the stakeholders.";
    }

    /// <summary>
    /// Called by <see cref="ResolveIncident"/> once the incident is resolved: the public places get a final update.
    /// No timeline entry: resolving writes its own.
    /// </summary>
    public async Task PublishResolved(Incident incident, string by, CancellationToken ct)
    {
        var update = new StatusUpdate(incident.Number, IncidentStatus.Resolved, StatusUpdate.ResolvedMessage, clock.GetUtcNow(), by);
        await statuses.Record(update, ct);
        await Publish(incident with { Status = IncidentStatus.Resolved }, update, ct);
    }

    private async Task Publish(Incident incident, StatusUpdate update, CancellationToken ct)
    {
        foreach (var publisher in publishers)
        {
            await publisher.Publish(incident, update, ct);
        }
    }
}
