using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Status;

/// <summary>
/// The neutral public title used when a status update gives none: it says what users notice, never what the team
/// wrote in the internal title (which may name a cause, a customer or a leak).
/// </summary>
public static class PublicTitles
{
    public const string Neutral = "Degraded performance";

    public static string For(Incident incident, ExpertiseRegistry registry)
    {
        if (incident.Area is not { Length: > 0 } key)
        {
            return Neutral;
        }

        var name = registry.Areas.TryGetValue(key, out var area) ? area.Name : key;
        return $"{Neutral}: {char.ToUpperInvariant(name[0])}{name[1..]}";
    }
}
