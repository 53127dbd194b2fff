using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Paging;

/// <summary>
/// Decides an incident's area when it is declared (the <c>area:</c> given, else a keyword in the summary, else the
/// bot asks in the thread with a button per area) and pages its owners once it is known.
/// </summary>
public sealed class AreaOnDeclare(Roster roster, IPagingStore paging, PageOwners pageOwners, ChatPlatforms platforms)
{
    /// <summary>The area key to store with a new incident: a known one, or the one given while there is no registry.</summary>
    public string? KeyFor(string? given, string summary)
    {
        var registry = roster.Registry;
        if (registry.Areas.Count == 0)
        {
            return given;
        }

        return given is not null
            ? (registry.Areas.ContainsKey(given) ? given : null)
            : AreaMatcher.MatchArea(registry, summary)?.Key;
    }

    /// <summary>Pages the incident's area, or asks for it; <paramref name="given"/> is what the declarer wrote.</summary>
    public async Task Start(Incident incident, string? given, CancellationToken ct)
    {
        var registry = roster.Registry;
        var platform = platforms[incident.Thread.Platform];
        if (registry.Areas.Count == 0)
        {
            await platform.PostInThread(incident, new ChatMessage($"{incident.Id}:paging-off", "Paging is off: there is no expertise registry (Registry:Path), so nobody was paged."), ct);
            return;
        }

        if (incident.Area is { } key && registry.Areas.TryGetValue(key, out var area))
        {
            await pageOwners.Page(incident, area, PageLevel.Primary, "declared", ct);
            return;
        }

        var unknown = given is not null ? $"There is no area '{given}'. " : "";
        await platform.PostInThread(incident, AskForArea(incident, registry, unknown), ct);
    }

    /// <summary>Someone picked the area (a button, or a command): record it and page its owners.</summary>
    public async Task<string> Choose(Incident incident, string key, CancellationToken ct)
    {
        if (!roster.Registry.Areas.TryGetValue(key, out var area))
        {
            return $"There is no area '{key}'. Areas: {string.Join(", ", roster.Registry.Areas.Keys)}.";
        }

        if (incident.Area is not null && roster.Registry.Areas.ContainsKey(incident.Area))
        {
            return $"{incident.Id} is already in {incident.Area}.";
        }

        await paging.SetArea(incident.Number, key, ct);
        await pageOwners.Page(incident with { Area = key }, area, PageLevel.Primary, "area chosen", ct);
        return $"{incident.Id} is in {area.Name} now; its owners are being paged.";
    }

    private static ChatMessage AskForArea(Incident incident, ExpertiseRegistry registry, string unknown) => new(
        $"{incident.Id}:ask-area",
        $"{unknown}Which area is affected? Its owners will be paged. (Without buttons: 'area {incident.Id} <key>'.)",
        Buttons: [.. registry.Areas.Values.Select(a => new ChatButton(PageButtons.ChooseArea, a.Name, $"{incident.Number}:{a.Key}"))]);
}
