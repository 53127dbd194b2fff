using IncidentBot.Core.Chat;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Home;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Owners;

/// <summary>
/// <c>ack</c> (or the Acknowledge button): the first to acknowledge owns the incident and the escalation stops.
/// <c>owner @person</c>: sets the owner outright, which also stops the escalation. Either way the new owner's
/// end-of-day handoff schedule replaces the previous owner's.
/// </summary>
public sealed class Ownership(
    IIncidentStore incidents,
    IPagingStore paging,
    IReminders reminders,
    HandoffSchedule handoffs,
    ChatPlatforms platforms,
    TimeProvider clock,
    HomeRefresh? home = null)
{
    public async Task<string> Acknowledge(Incident incident, string who, CancellationToken ct)
    {
        if (!incident.IsOpen)
        {
            return $"{incident.Id} is resolved; there is nothing to acknowledge.";
        }

        if (!await paging.Acknowledge(incident.Number, who, clock.GetUtcNow(), ct))
        {
            var current = await incidents.Find(incident.Number, ct);
            return $"{incident.Id} was already acknowledged; {current?.Owner ?? "someone"} owns it.";
        }

        await reminders.Cancel(ReminderKeys.Escalation(incident), ct);
        await Record(incident, TimelineKind.Acknowledged, "acknowledged", who, $"{who} acknowledged and owns the incident", ct);
        await handoffs.Start(incident with { Owner = who }, ct);
        await (home?.Incident(incident.Number, $"{incident.Id}:acknowledged", who, ct) ?? Task.CompletedTask);
        return $"You own {incident.Id} now.";
    }

    public async Task<string> SetOwner(Incident incident, string owner, string setBy, CancellationToken ct)
    {
        if (!incident.IsOpen)
        {
            return $"{incident.Id} is resolved; its owner no longer changes.";
        }

        await paging.SetOwner(incident.Number, owner, clock.GetUtcNow(), ct);
        await reminders.Cancel(ReminderKeys.Escalation(incident), ct);
        var change = $"owner:{clock.GetUtcNow().ToUnixTimeMilliseconds()}";
        await Record(incident, TimelineKind.Handoff, change, setBy, $"Owner: {incident.Owner ?? "nobody"} -> {owner} (set by {setBy})", ct);
        await handoffs.Start(incident with { Owner = owner }, ct);
        await (home?.Incident(incident.Number, $"{incident.Id}:{change}", setBy, ct) ?? Task.CompletedTask);
        return $"{owner} owns {incident.Id} now.";
    }

    private async Task Record(Incident incident, string kind, string sourceId, string actor, string text, CancellationToken ct)
    {
        await incidents.Append(incident.Number, new TimelineEntry(clock.GetUtcNow(), kind, actor, text, sourceId), ct);
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:{sourceId}", text), ct);
    }
}
