using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Home;

/// <summary>
/// Refreshes the home pages a change shows up on. An incident's change concerns its owner, its declarer, everyone
/// paged for it and whoever a handoff waits for, besides the person who made it; everyone else sees it the next time
/// they open their home page, which always shows the current state. The use cases that change what a home page shows
/// take it as an optional last parameter: null where nothing has a home page (the terminal, the core's tests).
/// </summary>
public sealed class HomeRefresh(IEnumerable<IHomeTabs> tabs, IIncidentStore incidents, Roster roster, ChatPlatforms platforms)
{
    private readonly Dictionary<string, IHomeTabs> byPlatform = tabs.ToDictionary(t => t.Platform, StringComparer.Ordinal);

    public Task Person(string platform, string handle, string reason, CancellationToken ct) =>
        byPlatform.TryGetValue(platform, out var tab) ? tab.Refresh(handle, reason, ct) : Task.CompletedTask;

    /// <summary>After a change to the incident (read again here, so a new owner counts), by <paramref name="actor"/> if a person made it.</summary>
    public async Task Incident(long number, string reason, string? actor, CancellationToken ct)
    {
        if (await incidents.Find(number, ct) is not { } incident || !byPlatform.TryGetValue(incident.Thread.Platform, out var tab))
        {
            return;
        }

        var timeline = await incidents.BotEntries(number, ct);
        var platform = platforms[incident.Thread.Platform];
        var paged = timeline.Where(e => e.SourceId.StartsWith(PagedEntries.Prefix, StringComparison.Ordinal))
            .Select(e => roster.Registry.People.GetValueOrDefault(PagedEntries.PersonOf(e.SourceId)))
            .Select(p => p is null ? null : platform.Handle(p));
        var named = new[] { incident.Owner, incident.DeclaredBy, PendingHandoffs.Pending(timeline)?.To, actor }
            .Select(n => n is not null && roster.Registry.FindPerson(n) is { } person ? platform.Handle(person) ?? n : n);
        foreach (var handle in named.Concat(paged).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            await tab.Refresh(handle, reason, ct);
        }
    }
}
