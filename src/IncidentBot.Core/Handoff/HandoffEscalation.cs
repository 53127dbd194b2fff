using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Handoff;

/// <summary>
/// Who could take an incident over now (the area's owners whose working hours cover now and who are not away), and
/// the escalation when nobody took it: the deciders and the next available owner are asked to step in.
/// </summary>
public sealed class HandoffEscalation(IIncidentStore incidents, Roster roster, ChatPlatforms platforms, TimeProvider clock)
{
    /// <summary>The area's primary then secondary owners who are available now, leaving out <paramref name="notThem"/> (handles or ids).</summary>
    public async Task<IReadOnlyList<Person>> AvailableNow(Incident incident, IReadOnlyCollection<string> notThem, CancellationToken ct)
    {
        if (incident.Area is null || !roster.Registry.Areas.TryGetValue(incident.Area, out var area))
        {
            return [];
        }

        var platform = platforms[incident.Thread.Platform];
        var people = await roster.StatusOf(area.Primary.Concat(area.Secondary), ct);
        return [.. people
            .Where(p => p.Status.Available && !notThem.Contains(p.Person.Id) && !notThem.Contains(platform.Handle(p.Person) ?? p.Person.Id))
            .Select(p => p.Person)];
    }

    /// <summary>The sentence a nag ends with, naming who could take over.</summary>
    public async Task<string> WhoIsAvailable(Incident incident, IReadOnlyCollection<string> notThem, CancellationToken ct)
    {
        if (incident.Area is null || !roster.Registry.Areas.TryGetValue(incident.Area, out var area))
        {
            return "The incident has no area in the registry, so the bot cannot say who is at work now.";
        }

        var available = await AvailableNow(incident, notThem, ct);
        return available.Count == 0
            ? $"Nobody else in {area.Name} is at work now."
            : $"At work now in {area.Name}: {string.Join(", ", available.Select(p => $"{p.Name} ({p.Id})"))}.";
    }

    /// <summary>
    /// Records the <c>escalated</c> entry under <paramref name="sourceId"/> and asks the deciders and the next available
    /// owner to step in, each with a Take over button. Every step is keyed by <paramref name="sourceId"/>, so running
    /// the escalation again (a retry after it failed half-way) finishes what is missing and repeats nothing.
    /// </summary>
    public async Task Escalate(Incident incident, string sourceId, string why, IReadOnlyCollection<string> notThem, CancellationToken ct)
    {
        var platform = platforms[incident.Thread.Platform];
        var deciders = (await roster.StatusOf(roster.Registry.Deciders, ct)).Select(d => d.Person)
            .Where(p => platform.Handle(p) is { } handle && !notThem.Contains(handle) && !notThem.Contains(p.Id)).ToList();
        var next = (await AvailableNow(incident, notThem, ct)).FirstOrDefault(p => platform.Handle(p) is not null);
        var asked = deciders.Select(p => $"{p.Name} (decides priorities)").ToList();
        if (next is not null && !deciders.Contains(next))
        {
            asked.Add($"{next.Name} (next available owner)");
        }

        var whom = asked.Count == 0 ? "There is nobody else to ask: name an owner with 'owner @person'." : $"Asking {string.Join(", ", asked)} to step in.";
        var text = $"Escalating: {why}. {whom}";
        await incidents.Append(incident.Number, new TimelineEntry(clock.GetUtcNow(), TimelineKind.Escalated, PageOwners.Bot, text, sourceId), ct);
        await platform.PostInThread(incident, new ChatMessage($"{incident.Id}:{sourceId}", text), ct);
        foreach (var person in next is null || deciders.Contains(next) ? deciders : [.. deciders, next])
        {
            await platform.DirectMessage(platform.Handle(person)!, new ChatMessage(
                $"{incident.Id}:{sourceId}:{person.Id}",
                $"{why}. Take it over ('takeover {incident.Id}'), or find someone who will ('owner {incident.Id} @person').",
                Heading: ThreadRoot.Heading(incident),
                Buttons: [HandoffMessages.TakeOverButton(incident)]), ct);

            // Recorded as a page: being asked to step in is what lets them take over (Authorization:Owner, role paged).
            await incidents.Append(incident.Number, new TimelineEntry(
                clock.GetUtcNow(), TimelineKind.Paged, PageOwners.Bot, $"Asked {person.Name} to take over", PagedEntries.Prefix + "handoff:" + person.Id), ct);
        }
    }
}
