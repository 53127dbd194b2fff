using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Paging;

/// <summary>
/// A SEV-1 (declared so, raised to it, or from an alert) is told at once to the people who decide priorities: a direct
/// message to each who has an id on the incident's platform, whatever their hours, since it asks nothing of them yet.
/// </summary>
public sealed class SevOneDeciders(IIncidentStore incidents, Roster roster, ChatPlatforms platforms, TimeProvider clock)
{
    /// <summary><paramref name="why"/> tells separate raises to SEV-1 apart, so each is told once.</summary>
    public async Task Tell(Incident incident, string by, string why, CancellationToken ct)
    {
        var platform = platforms[incident.Thread.Platform];
        foreach (var id in roster.Registry.Deciders)
        {
            if (roster.Registry.People.TryGetValue(id, out var person) && platform.Handle(person) is { } handle)
            {
                await platform.DirectMessage(handle, new ChatMessage(
                    $"{incident.Id}:sev1:{why}:{person.Id}",
                    $"{incident.Id} is SEV-1 ({by}): {incident.Title}. For your information as one of the people who decide priorities; the owners are handling it in the incident thread.",
                    Heading: ThreadRoot.Heading(incident)), ct);
                var entry = new TimelineEntry(clock.GetUtcNow(), TimelineKind.Paged, PageOwners.Bot, $"Told {person.Name} (deciders) of SEV-1", $"sev1:{why}:{person.Id}");
                await incidents.Append(incident.Number, entry, ct);
            }
        }
    }
}
