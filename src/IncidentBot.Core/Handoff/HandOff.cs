using IncidentBot.Core.Chat;
using IncidentBot.Core.Home;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Handoff;

/// <summary>
/// <c>handoff @person &lt;what to try next&gt;</c> (or the Hand off form): records the notes, posts them in the thread
/// and asks the new owner to accept. The owner changes only when they accept; until then the old owner keeps it, and
/// the bot asks again after <see cref="PagingPolicy.AckTimeout"/>, then escalates.
/// </summary>
public sealed class HandOff(
    IIncidentStore incidents,
    IPagingStore paging,
    IReminders reminders,
    HandoffSchedule schedule,
    Roster roster,
    ChatPlatforms platforms,
    PagingPolicy policy,
    TimeProvider clock,
    HomeRefresh? home = null)
{
    public async Task<string> Run(Incident incident, string newOwner, string notes, string by, CancellationToken ct)
    {
        var platform = platforms[incident.Thread.Platform];
        notes = notes.Trim();
        if (!incident.IsOpen)
        {
            return $"{incident.Id} is resolved; there is nothing to hand off.";
        }

        if (HandleOf(newOwner, platform) is not { } to)
        {
            return roster.Registry.People.TryGetValue(newOwner, out var known)
                ? $"{known.Name} has no {platform.Name} id in the expertise registry: mention them instead."
                : $"There is no '{newOwner}' in the expertise registry: mention them instead.";
        }

        if (to == incident.Owner || notes.Length == 0)
        {
            return notes.Length == 0 ? "Write down what you tried and what you would try next, so the new owner can carry on." : $"{to} owns {incident.Id} already.";
        }

        var now = clock.GetUtcNow();
        var from = incident.Owner ?? "nobody";
        var text = HandoffMessages.ProposalText(from, to, notes);
        var proposal = HandoffMessages.ProposalId(now, to);
        if (await SameProposalWaiting(incident, to, by, text, ct) is { } waiting)
        {
            // The same handoff again: the same request after a crash, or pressed twice. It finishes what the first
            // did not reach, under the first's id, so nothing is posted or asked twice.
            (proposal, now) = (waiting.Id, waiting.At);
        }
        else
        {
            await incidents.Append(incident.Number, new TimelineEntry(now, TimelineKind.Handoff, by, text, proposal), ct);
        }

        await platform.PostInThread(incident, new ChatMessage($"{incident.Id}:{proposal}", $"{text}\n{to} is asked to accept; until then {from} owns {incident.Id}."), ct);
        await platform.DirectMessage(to, HandoffMessages.AskToAccept(incident, from, notes, $"{incident.Id}:{proposal}:dm"), ct);

        // The old owner has done what the nags asked; what remains is the new owner's acceptance.
        await reminders.Cancel(ReminderKeys.HandoffNag(incident), ct);
        await reminders.Cancel(ReminderKeys.HandoffEscalation(incident), ct);
        await reminders.Schedule(new Reminder(ReminderKeys.HandoffAccept(incident), incident.Number, HandoffSchedule.AcceptKind, now + policy.AckTimeout, $"1|{proposal}"), ct);
        await (home?.Incident(incident.Number, $"{incident.Id}:{proposal}", by, ct) ?? Task.CompletedTask);
        return $"{incident.Id} is handed to {to}; it is theirs once they accept (asked again after {HandoffMessages.Minutes(policy.AckTimeout)}, then escalated).";
    }

    /// <summary>Whether a handoff of the incident waits for <paramref name="who"/> to accept it.</summary>
    public async Task<bool> IsWaitingFor(Incident incident, string who, CancellationToken ct) =>
        PendingHandoffs.Pending(await incidents.BotEntries(incident.Number, ct))?.To == who;

    /// <summary>Only the person the incident was handed to can accept; accepting makes them the owner and starts their schedule.</summary>
    public async Task<string> Accept(Incident incident, string who, CancellationToken ct)
    {
        var entries = await incidents.BotEntries(incident.Number, ct);
        var pending = PendingHandoffs.Pending(entries);
        if (!incident.IsOpen || pending is null || pending.To != who)
        {
            return !incident.IsOpen ? $"{incident.Id} is resolved; there is nothing to accept."
                : incident.Owner == who ? $"You own {incident.Id} already."
                : pending is null ? $"No handoff of {incident.Id} is waiting to be accepted."
                : $"{incident.Id} was handed to {pending.To}; only they can accept it.";
        }

        var now = clock.GetUtcNow();
        var proposal = entries.Last(e => e.SourceId == pending.Id);
        var text = $"{who} accepted the handoff from {HandoffMessages.FromOf(proposal)} and owns {incident.Id} now.";
        var accepted = $"handoff-accepted:{pending.Id}";
        await paging.SetOwner(incident.Number, who, now, ct);
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:{accepted}", text), ct);
        var day = await schedule.Start(incident with { Owner = who }, ct);
        await (home?.Incident(incident.Number, $"{incident.Id}:{accepted}", who, ct) ?? Task.CompletedTask);

        // Last: until this entry, the handoff still waits for them, so the same acceptance processed again after a
        // crash finishes these steps (each keyed) rather than answering that they own the incident already.
        await incidents.Append(incident.Number, new TimelineEntry(now, TimelineKind.Handoff, who, text, accepted), ct);
        return $"You own {incident.Id} now." + (day is null ? "" : $" Your working day ends at {day.EndText}; the bot will ask you to hand off before then if it is still open.");
    }

    /// <summary>The handoff waiting to be accepted, when it is to the same person, by the same sender, with the same notes.</summary>
    private async Task<PendingHandoff?> SameProposalWaiting(Incident incident, string to, string by, string text, CancellationToken ct)
    {
        var entries = await incidents.BotEntries(incident.Number, ct);
        return PendingHandoffs.Pending(entries) is { } pending && pending.To == to
            && entries.Last(e => e.SourceId == pending.Id) is { } entry && entry.Actor == by && entry.Text == text
            ? pending
            : null;
    }

    /// <summary>A mention names someone on this platform already; a registry id is turned into their handle here.</summary>
    private string? HandleOf(string person, IChatPlatform platform) =>
        person.StartsWith("<@", StringComparison.Ordinal) ? person
        : roster.Registry.People.TryGetValue(person, out var known) ? platform.Handle(known)
        : null;
}
