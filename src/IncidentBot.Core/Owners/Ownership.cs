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

        var at = clock.GetUtcNow();
        if (!await paging.Acknowledge(incident.Number, who, at, ct))
        {
            // The same person's acknowledgement, stopped before its timeline entry (the last step): processed again
            // after a crash, it finishes the steps, each keyed, instead of leaving the escalation running. Any entry
            // changing the owner means the owner came some other way (or this finished), so there is nothing to finish.
            var current = await incidents.Find(incident.Number, ct);
            if (current?.Owner != who || current.AcknowledgedAt is not { } acknowledgedAt
                || (await incidents.BotEntries(incident.Number, ct)).Any(e => e.Kind is TimelineKind.Acknowledged or TimelineKind.Handoff))
            {
                return $"{incident.Id} was already acknowledged; {current?.Owner ?? "someone"} owns it.";
            }

            at = acknowledgedAt;
        }

        await reminders.Cancel(ReminderKeys.Escalation(incident), ct);
        await handoffs.Start(incident with { Owner = who }, ct);
        await (home?.Incident(incident.Number, $"{incident.Id}:{AcknowledgedId}", who, ct) ?? Task.CompletedTask);
        await Record(incident, at, TimelineKind.Acknowledged, AcknowledgedId, who, $"{who} acknowledged and owns the incident", ct);
        return $"You own {incident.Id} now.";
    }

    /// <summary>
    /// Keyed by the request (<paramref name="requestKey"/>): the same request processed again after a crash repeats no
    /// entry or post, and finishes the steps the first run did not reach.
    /// </summary>
    public async Task<string> SetOwner(Incident incident, string owner, string setBy, string requestKey, CancellationToken ct)
    {
        if (!incident.IsOpen)
        {
            return $"{incident.Id} is resolved; its owner no longer changes.";
        }

        var now = clock.GetUtcNow();
        var change = "owner:" + requestKey;
        var text = $"Owner: {incident.Owner ?? "nobody"} -> {owner} (set by {setBy})";
        if (!await incidents.Append(incident.Number, new TimelineEntry(now, TimelineKind.Handoff, setBy, text, change), ct))
        {
            // Recorded by the first run, before the owner changed: its entry says who owned the incident before.
            text = (await incidents.BotEntries(incident.Number, ct)).First(e => e.SourceId == change).Text;
        }

        await paging.SetOwner(incident.Number, owner, now, ct);
        await reminders.Cancel(ReminderKeys.Escalation(incident), ct);
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:{change}", text), ct);
        await handoffs.Start(incident with { Owner = owner }, ct);
        await (home?.Incident(incident.Number, $"{incident.Id}:{change}", setBy, ct) ?? Task.CompletedTask);
        return $"{owner} owns {incident.Id} now.";
    }

    private const string AcknowledgedId = "acknowledged";

    private async Task Record(Incident incident, DateTimeOffset at, string kind, string sourceId, string actor, string text, CancellationToken ct)
    {
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:{sourceId}", text), ct);
        await incidents.Append(incident.Number, new TimelineEntry(at, kind, actor, text, sourceId), ct);
    }
}
