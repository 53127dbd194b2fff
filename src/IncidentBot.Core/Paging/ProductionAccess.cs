using System.Globalization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Paging;

/// <summary>
/// <c>prodaccess</c>, or <b>Bring in production access</b> on the checklist: when the fix may need production access
/// and the owner has none, the runbook says to contact someone who has it right away. The registry's
/// <c>prod_access</c> people are paged one at a time, in its order, skipping those who cannot be paged now: a direct
/// message with <b>Acknowledge</b>, and the next one after <c>Paging:AckTimeout</c> without an answer. The first to
/// acknowledge is the incident's production-access person (an <c>acknowledged</c> entry); nobody else is paged then.
/// </summary>
public sealed class ProductionAccess(
    IIncidentStore incidents, Roster roster, ChatPlatforms platforms, IReminders reminders, PagingPolicy policy, TimeProvider clock) : IReminderKind
{
    public const string AcknowledgeAction = "prodaccess-ack";
    public const string RequestAction = "prodaccess";
    public const string AcknowledgedSourceId = "prodaccess:acknowledged";
    private const string PagedPrefix = "prodaccess:paged:";

    public IReadOnlyCollection<string> Kinds { get; } = [ReminderKinds.ProdAccess];

    public static ChatButton RequestButton(Incident incident) => new(RequestAction, "Bring in production access", Number(incident));

    public async Task<string> Request(Incident incident, string by, CancellationToken ct)
    {
        if (!incident.IsOpen)
        {
            return $"{incident.Id} is resolved; nobody needs production access for it now.";
        }

        var timeline = await incidents.BotEntries(incident.Number, ct);
        if (timeline.FirstOrDefault(e => e.SourceId == AcknowledgedSourceId) is { } acknowledged)
        {
            return $"{acknowledged.Actor} already has production access for {incident.Id}.";
        }

        if (timeline.Any(e => e.SourceId.StartsWith(PagedPrefix, StringComparison.Ordinal)))
        {
            return $"Production access is being paged for {incident.Id} already.";
        }

        return await PageNext(incident, timeline, $"asked by {by}", ct);
    }

    public async Task<string> Acknowledge(Incident incident, string who, CancellationToken ct)
    {
        if (!incident.IsOpen)
        {
            return $"{incident.Id} is resolved; thank you all the same.";
        }

        var name = roster.Registry.FindPerson(who)?.Name ?? who;
        var entry = new TimelineEntry(clock.GetUtcNow(), TimelineKind.Acknowledged, who, $"{name} has production access for the incident and is on it", AcknowledgedSourceId);
        var added = await incidents.Append(incident.Number, entry, ct);
        var first = added ? entry : await incidents.Recorded(incident.Number, AcknowledgedSourceId, ct);

        // On a repeat too (the same request after a crash): both steps are keyed, and the first run may not have reached them.
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:{AcknowledgedSourceId}", $"{first.Actor} has production access and is on {incident.Id}."), ct);
        await reminders.Cancel(Key(incident), ct);
        if (!added)
        {
            return $"{first.Actor} acknowledged first; they have production access for {incident.Id}.";
        }

        return $"Thank you: you are {incident.Id}'s production-access person.";
    }

    public async Task Fire(Reminder reminder, CancellationToken ct)
    {
        if (await incidents.Find(reminder.IncidentNumber, ct) is not { IsOpen: true } incident)
        {
            return;
        }

        var timeline = await incidents.BotEntries(incident.Number, ct);
        if (timeline.All(e => e.SourceId != AcknowledgedSourceId))
        {
            await PageNext(incident, timeline, $"nobody acknowledged within {policy.AckTimeout.TotalMinutes:0} min", ct);
        }
    }

    private async Task<string> PageNext(Incident incident, IReadOnlyList<TimelineEntry> timeline, string why, CancellationToken ct)
    {
        var platform = platforms[incident.Thread.Platform];
        var paged = timeline.Where(e => e.SourceId.StartsWith(PagedPrefix, StringComparison.Ordinal)).Select(e => e.SourceId[PagedPrefix.Length..]).ToHashSet(StringComparer.Ordinal);
        var candidates = await roster.StatusOf(roster.Registry.ProdAccess.Where(id => !paged.Contains(id)), ct);
        if (candidates.FirstOrDefault(c => c.Status.Available && platform.Handle(c.Person) is not null).Person is not { } next)
        {
            var text = $"Nobody {(paged.Count > 0 ? "else " : "")}with production access can be paged now{Skipped(candidates, platform)}. Ask the deciders who can reach someone.";
            await platform.PostInThread(incident, new ChatMessage($"{incident.Id}:prodaccess:nobody:{paged.Count}", text), ct);
            return text;
        }

        var handle = platform.Handle(next)!;
        await platform.PostInThread(incident, new ChatMessage($"{incident.Id}:{PagedPrefix}{next.Id}", $"Bringing in production access ({why}): paging {handle}."), ct);
        await platform.DirectMessage(handle, PageMessage(incident, next), ct);
        await incidents.Append(incident.Number, new TimelineEntry(clock.GetUtcNow(), TimelineKind.Paged, PageOwners.Bot, $"Paged {next.Name} (production access)", PagedPrefix + next.Id), ct);
        await reminders.Schedule(new Reminder(Key(incident), incident.Number, ReminderKinds.ProdAccess, clock.GetUtcNow() + policy.AckTimeout), ct);
        return $"Paging {next.Name} for production access; if they do not acknowledge within {policy.AckTimeout.TotalMinutes:0} min, the next one is paged.";
    }

    private ChatMessage PageMessage(Incident incident, Person person) => new(
        Key: $"{incident.Id}:prodaccess:page:{person.Id}",
        Text: $"The people on {incident.Id} need someone with production access. Acknowledge if you can help now ('prodaccess {incident.Id} ack'); if you do not within {policy.AckTimeout.TotalMinutes:0} min, the next person with access is paged.",
        Heading: ThreadRoot.Heading(incident),
        Fields: [ThreadRoot.Severity(incident), new("Owner", incident.Owner ?? "nobody yet")],
        Buttons: [new ChatButton(AcknowledgeAction, "Acknowledge", Number(incident), Primary: true)]);

    private static string Skipped(IReadOnlyList<(Person Person, AvailabilityStatus Status)> candidates, IChatPlatform platform) =>
        candidates.Count == 0 ? "" : ": " + string.Join("; ", candidates.Select(c => $"{c.Person.Name} ({(c.Status.Available ? $"no {platform.Name} id in the registry" : c.Status.Reason)})"));

    private static string Key(Incident incident) => $"{incident.Id}:prodaccess";

    private static string Number(Incident incident) => incident.Number.ToString(CultureInfo.InvariantCulture);
}
