using System.Globalization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Timeline;
using NodaTime;

namespace IncidentBot.Core.Handoff;

/// <summary>
/// The end-of-day schedule of an incident's owner: a nag <see cref="HandoffPolicy.LeadTime"/> before their working day
/// ends, repeated every <see cref="HandoffPolicy.RepeatEvery"/> until someone takes over, and an escalation
/// <see cref="HandoffPolicy.Grace"/> after it. Started whenever the owner changes; the reminders carry the owner they
/// were made for, so a reminder left over from an earlier owner does nothing.
/// </summary>
public sealed class HandoffSchedule(
    IIncidentStore incidents,
    IReminders reminders,
    OwnerHours hours,
    HandoffEscalation escalation,
    HandoffPolicy policy,
    PagingPolicy paging,
    ChatPlatforms platforms,
    TimeProvider clock) : IReminderKind
{
    public const string NagKind = "handoff-nag";
    public const string EscalateKind = "handoff-escalate";
    public const string AcceptKind = "handoff-accept";

    public IReadOnlyCollection<string> Kinds { get; } = [NagKind, EscalateKind, AcceptKind];

    /// <summary>(Re)schedules the owner's nag and escalation; a handoff still waiting to be accepted is dropped.</summary>
    public async Task<OwnerDay?> Start(Incident incident, CancellationToken ct)
    {
        await reminders.Cancel(ReminderKeys.HandoffAccept(incident), ct);
        if (!incident.IsOpen || incident.Owner is not { } owner)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var day = await hours.Of(owner, Instant.FromDateTimeOffset(now), ct);
        var end = day.EndOfShift.ToDateTimeOffset();
        var data = string.Create(CultureInfo.InvariantCulture, $"{end.ToUnixTimeMilliseconds()}|{day.Person.TimeZone!.Id}|{owner}");
        var nagAt = end - policy.LeadTime > now ? end - policy.LeadTime : now;
        await reminders.Schedule(new Reminder(ReminderKeys.HandoffNag(incident), incident.Number, NagKind, nagAt, data), ct);
        await reminders.Schedule(new Reminder(ReminderKeys.HandoffEscalation(incident), incident.Number, EscalateKind, end + policy.Grace, data), ct);
        if (day.Missing is { } missing)
        {
            var assumed = $"{WorkingDay.Describe(day.EndOfShift, day.Person.TimeZone)}";
            await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage(
                $"{incident.Id}:handoff-defaults:{owner}",
                $"The expertise registry has {missing} for {owner}, so the bot assumes Handoff:DefaultHours and Handoff:DefaultTimeZone: the owner's working day ends at {assumed}. The handoff reminder comes {HandoffMessages.Minutes(policy.LeadTime)} before."), ct);
        }

        return day;
    }

    public async Task Fire(Reminder reminder, CancellationToken ct)
    {
        if (await incidents.Find(reminder.IncidentNumber, ct) is not { IsOpen: true } incident)
        {
            return;
        }

        if (reminder.Kind == AcceptKind)
        {
            await AcceptOverdue(incident, reminder, ct);
            return;
        }

        // Made for an earlier owner: the current one has a schedule of their own.
        if (reminder.Data?.Split('|', 3) is not [var endText, var zoneId, var owner] || owner != incident.Owner
            || !long.TryParse(endText, NumberStyles.None, CultureInfo.InvariantCulture, out var endMs))
        {
            return;
        }

        var end = DateTimeOffset.FromUnixTimeMilliseconds(endMs);
        var endOfDay = WorkingDay.Describe(Instant.FromDateTimeOffset(end), DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? DateTimeZone.Utc);
        if (reminder.Kind == EscalateKind)
        {
            await reminders.Cancel(ReminderKeys.HandoffNag(incident), ct);
            var why = $"{owner}'s working day ended at {endOfDay} and nobody has taken {incident.Id} over";
            await escalation.Escalate(incident, $"handoff-escalated:{endMs}:{owner}", why, [owner], ct);
            return;
        }

        await Nag(incident, reminder, owner, end, endOfDay, ct);
    }

    private async Task Nag(Incident incident, Reminder reminder, string owner, DateTimeOffset end, string endOfDay, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var platform = platforms[incident.Thread.Platform];
        var when = end > now ? $"in {HandoffMessages.Minutes(end - now)}, at {endOfDay}" : $"at {endOfDay}";
        var text = $"{owner}'s working day ends {when}, and {incident.Id} is still open. Find a new owner and write down what you tried and what you would try next: press Hand off, or '{platform.CommandPrefix} handoff {incident.Id} @person <what to try next>'. "
            + await escalation.WhoIsAvailable(incident, [owner], ct);
        var sourceId = string.Create(CultureInfo.InvariantCulture, $"handoff-nag:{reminder.At.ToUnixTimeMilliseconds()}:{owner}");
        // Keyed by the reminder's time: a nag retried after it failed half-way sends what is missing, nothing twice.
        await incidents.Append(incident.Number, new TimelineEntry(now, TimelineKind.Reminder, PageOwners.Bot, text, sourceId), ct);
        await platform.PostInThread(incident, new ChatMessage($"{incident.Id}:{sourceId}", text, Buttons: [HandoffMessages.HandOffButton(incident)]), ct);
        await platform.DirectMessage(owner, new ChatMessage(
            $"{incident.Id}:{sourceId}:dm", text, Heading: ThreadRoot.Heading(incident), Buttons: [HandoffMessages.HandOffButton(incident)]), ct);

        var next = reminder.At + policy.RepeatEvery > now ? reminder.At + policy.RepeatEvery : now + policy.RepeatEvery;
        if (next < end + policy.Grace)
        {
            await reminders.Schedule(reminder with { At = next }, ct);
        }
    }

    /// <summary>The new owner has not accepted: ask them once more, then escalate.</summary>
    private async Task AcceptOverdue(Incident incident, Reminder reminder, CancellationToken ct)
    {
        var pending = PendingHandoffs.Pending(await incidents.BotEntries(incident.Number, ct));
        if (reminder.Data?.Split('|', 2) is not [var attempt, var proposal] || pending?.Id != proposal)
        {
            return;
        }

        var from = incident.Owner ?? "nobody";
        var waited = HandoffMessages.Minutes(clock.GetUtcNow() - pending.At);
        if (attempt != "1")
        {
            await escalation.Escalate(incident, $"handoff-unaccepted:{proposal}", $"{pending.To} has not accepted the handoff of {incident.Id} from {from} after {waited}", [pending.To, from], ct);
            return;
        }

        var text = $"{pending.To} has not accepted the handoff of {incident.Id} after {waited}; asking again. Nobody accepting within {HandoffMessages.Minutes(paging.AckTimeout)} escalates.";
        var sourceId = $"handoff-ask-again:{proposal}";
        await incidents.Append(incident.Number, new TimelineEntry(clock.GetUtcNow(), TimelineKind.Reminder, PageOwners.Bot, text, sourceId), ct);
        var platform = platforms[incident.Thread.Platform];
        await platform.PostInThread(incident, new ChatMessage($"{incident.Id}:{sourceId}", text), ct);
        var notes = HandoffMessages.NotesOf((await incidents.BotEntries(incident.Number, ct)).Last(e => e.SourceId == proposal));
        await platform.DirectMessage(pending.To, HandoffMessages.AskToAccept(incident, from, notes, $"{incident.Id}:{sourceId}:dm"), ct);

        await reminders.Schedule(reminder with { At = reminder.At + paging.AckTimeout, Data = $"2|{proposal}" }, ct);
    }
}
