using IncidentBot.Core.Actions;
using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Home;

/// <summary>
/// Builds a person's <see cref="HomeView"/>: the open incidents, the pages they have not acknowledged, the handoffs
/// waiting for them to accept, and their open follow-up actions. A person is known by their handle on the platform
/// and, when the registry lists them, by their registry id too. A private incident shows only to the members of its
/// channel, who could read its thread anyway.
/// </summary>
public sealed class HomeViews(
    IIncidentStore incidents, IActionStore actions, IAbsences absences, Roster roster, PeopleDirectories directories, TimeProvider clock)
{
    public async Task<HomeView> For(string platform, string handle, CancellationToken ct)
    {
        var person = roster.Registry.FindPerson(handle);
        var open = new List<Incident>();
        foreach (var incident in await incidents.List(openOnly: true, ct))
        {
            if (!incident.IsPrivate || await InChannelOf(platform, handle, incident, ct))
            {
                open.Add(incident);
            }
        }

        var pages = new List<Incident>();
        var handoffs = new List<Incident>();
        foreach (var incident in open)
        {
            var timeline = await incidents.BotEntries(incident.Number, ct);
            if (person is not null && incident.AcknowledgedAt is null
                && timeline.Any(e => e.SourceId.StartsWith(PagedEntries.Prefix, StringComparison.Ordinal) && PagedEntries.PersonOf(e.SourceId) == person.Id))
            {
                pages.Add(incident);
            }

            if (PendingHandoffs.Pending(timeline) is { } pending && Same(pending.To, handle, person))
            {
                handoffs.Add(incident);
            }
        }

        var followUps = (await actions.List(openOnly: true, ct)).Where(a => Same(a.Assignee, handle, person)).ToList();
        return new HomeView(handle, clock.GetUtcNow(), open, pages, handoffs, followUps, await AvailabilityOf(person, ct));
    }

    private async Task<bool> InChannelOf(string platform, string handle, Incident incident, CancellationToken ct) =>
        incident.Thread.Platform == platform
        && await directories[platform].IsInChannelOf(new CommandContext(platform, "home", "", null, handle, ReplyTo: handle), incident, ct) == true;

    private async Task<HomeAvailability> AvailabilityOf(Person? person, CancellationToken ct)
    {
        if (person is null)
        {
            return new HomeAvailability(InRegistry: false, Available: false, MarkedAway: false, "not in the expertise registry, so never paged");
        }

        var status = await roster.StatusOf(person, ct);
        var away = await absences.AwayStatus(person.Id, ct) is not null;
        return new HomeAvailability(InRegistry: true, status.Available, away, status.Reason);
    }

    /// <summary>A stored person (a handle or a registry id) is this one when equal, or the registry knows both as one.</summary>
    private bool Same(string? stored, string handle, Person? person) =>
        stored is not null && (stored == handle || (person is not null && roster.Registry.FindPerson(stored)?.Id == person.Id));
}
