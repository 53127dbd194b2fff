using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Paging;

/// <summary>
/// <c>decline &lt;id&gt; [reason]</c> or <b>I'm on something urgent</b> on a page: the runbook asks an owner on equally
/// urgent work to find another expert, so the decline is a <c>paged</c> entry with the reason, and the next person is
/// paged at once instead of after <c>Paging:AckTimeout</c>: someone at the same level not paged yet, else the next level.
/// </summary>
public sealed class DeclinePage(IIncidentStore incidents, Roster roster, PageOwners pageOwners, ChatPlatforms platforms, TimeProvider clock)
{
    public async Task<string> Run(Incident incident, string? reason, string by, CancellationToken ct)
    {
        if (!incident.IsOpen)
        {
            return $"{incident.Id} is resolved; there is no page to decline.";
        }

        var timeline = await incidents.BotEntries(incident.Number, ct);
        var person = roster.Registry.FindPerson(by);
        var level = person is null ? null : LevelPaged(timeline, person.Id);
        if (person is null || level is null || incident.Area is null || !roster.Registry.Areas.TryGetValue(incident.Area, out var area))
        {
            return $"You were not paged for {incident.Id}, so there is nothing to decline.";
        }

        if (incident.Owner is { } owner && incident.AcknowledgedAt is not null && roster.Registry.FindPerson(owner)?.Id == person.Id)
        {
            return $"You own {incident.Id}: hand it off instead ('handoff {incident.Id} @person <what to try next>').";
        }

        var why = reason ?? "on something equally urgent";
        var sourceId = PagedEntries.Declined(level.Value, person.Id);
        var entry = new TimelineEntry(clock.GetUtcNow(), TimelineKind.Paged, by, $"{person.Name} declined the page: {why}", sourceId);
        var added = await incidents.Append(incident.Number, entry, ct);

        // Posted on a repeat too: the post is keyed, so it goes out once, even when a crash came between the two. The
        // next page is not repeated: the timeline no longer shows whom the first run paged (the escalation still runs).
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:{sourceId}", $"{person.Name} cannot take this: {why}."), ct);
        if (!added)
        {
            return $"Your decline of {incident.Id} is already recorded.";
        }

        if (incident.AcknowledgedAt is not null)
        {
            return $"Recorded. {incident.Owner} owns {incident.Id} already, so nobody else is paged.";
        }

        return await PageNext(incident, area, level.Value, timeline, person, why, sourceId, ct);
    }

    private async Task<string> PageNext(Incident incident, Registry.Area area, PageLevel level, IReadOnlyList<TimelineEntry> timeline, Registry.Person person, string why, string round, CancellationToken ct)
    {
        var done = timeline.Select(e => e.SourceId).Where(s => PagedEntries.IsPage(s) || PagedEntries.IsDecline(s))
            .Select(PagedEntries.PersonOf).Append(person.Id).ToHashSet(StringComparer.Ordinal);
        if (await pageOwners.PageMore(incident, area, level, done, round, ct))
        {
            return $"Recorded. The next of the {PageOwners.Label(level, area)} is paged now.";
        }

        if (level == PageLevel.Deciders)
        {
            await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:{round}:nobody", $"Nobody else can be paged for {incident.Id}. Name an owner with 'owner @person'."), ct);
            return "Recorded. Nobody else can be paged; the thread says so.";
        }

        await pageOwners.Page(incident, area, level + 1, $"{person.Name} declined ({why})", ct);
        return $"Recorded. The {PageOwners.Label(level + 1, area)} are paged now.";
    }

    /// <summary>The highest level the person was paged at, from the <c>paged</c> entries; null when never paged.</summary>
    private static PageLevel? LevelPaged(IReadOnlyList<TimelineEntry> timeline, string personId) => timeline
        .Where(e => PagedEntries.IsPage(e.SourceId) && PagedEntries.PersonOf(e.SourceId) == personId)
        .Select(e => PagedEntries.LevelOf(e.SourceId))
        .Max();
}
