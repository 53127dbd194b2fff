using IncidentBot.Core.Incidents;
using IncidentBot.Core.Status;

namespace IncidentBot.Status;

/// <summary>
/// What the public status page shows: open incidents and those resolved in the last week, each with its public
/// updates. Built from public fields only (title, stage, times, public messages), so nothing said in the thread and
/// nobody's name can reach the page.
/// </summary>
internal sealed class StatusBoard(IIncidentStore incidents, IStatusStore statuses, TimeProvider clock)
{
    public static readonly TimeSpan RecentlyResolved = TimeSpan.FromDays(7);

    public async Task<PublicStatus> Current(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = await incidents.List(openOnly: false, ct);
        var shown = all.Where(i => i.IsOpen)
            .Concat(all.Where(i => !i.IsOpen && i.ResolvedAt >= now - RecentlyResolved).OrderByDescending(i => i.ResolvedAt))
            .ToList();

        var list = new List<PublicIncident>(shown.Count);
        foreach (var incident in shown)
        {
            var updates = await statuses.ForIncident(incident.Number, ct);
            list.Add(new PublicIncident(
                incident.Id,
                incident.Title,
                incident.Status,
                incident.DeclaredAt,
                incident.ResolvedAt,
                [.. updates.Reverse().Select(u => new PublicUpdate(u.At, u.Stage, u.PublicMessage))]));
        }

        return new PublicStatus(list.Any(i => i.ResolvedAt is null) ? "degraded" : "operational", list, now);
    }
}

/// <summary>The page as a whole; <see cref="Status"/> is <c>degraded</c> while any incident is open.</summary>
internal sealed record PublicStatus(string Status, IReadOnlyList<PublicIncident> Incidents, DateTimeOffset At)
{
    public IEnumerable<PublicIncident> Open => Incidents.Where(i => i.ResolvedAt is null);

    public IEnumerable<PublicIncident> Resolved => Incidents.Where(i => i.ResolvedAt is not null);
}

/// <summary>An incident as the public sees it; <see cref="Updates"/> newest first.</summary>
internal sealed record PublicIncident(
    string Id,
    string Title,
    IncidentStatus Stage,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<PublicUpdate> Updates);

internal sealed record PublicUpdate(DateTimeOffset At, IncidentStatus Stage, string Message);
