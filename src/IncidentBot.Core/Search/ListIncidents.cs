using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Search;

/// <summary>
/// <c>/outage list</c>: the open incidents, newest first. A private incident is listed only to those who may read its
/// timeline, as in search and the Home tab: its title alone can say what happened.
/// </summary>
public sealed class ListIncidents(IIncidentStore store, Permissions permissions)
{
    public async Task<string> Describe(CommandContext context, CancellationToken ct)
    {
        var open = new List<Incident>();
        foreach (var incident in await store.List(openOnly: true, ct))
        {
            if (!incident.IsPrivate || await permissions.Allows(context, Acts.Timeline, incident, ct))
            {
                open.Add(incident);
            }
        }

        if (open.Count == 0)
        {
            return "No incident is open.";
        }

        var lines = open.Select(i =>
            $"{i.Id} {ThreadRoot.TitlePrefix}{i.Title} ({i.Status}{(i.Severity is { } s ? $", SEV-{s}" : "")}, since {ThreadRoot.FormatUtc(i.DeclaredAt)}, owner {i.Owner ?? "nobody"})");
        return $"{open.Count} open:\n" + string.Join('\n', lines);
    }
}
