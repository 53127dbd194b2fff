using IncidentBot.Core.Incidents;
using IncidentBot.Core.Status;

namespace IncidentBot.Status;

/// <summary>
/// What the public status page shows: the published incidents (never a private one, never one before its first
/// public update) that are open or were resolved in the last week, under their public titles, with their public
/// updates. Read in one query and kept for <see cref="CacheFor"/>, so a page that gets linked from everywhere during an
/// outage costs the database one read every few seconds. A publication on this instance shows at once.
/// </summary>
internal sealed class StatusBoard(SqlStatusStore store, TimeProvider clock) : IStatusPublisher
{
    public static readonly TimeSpan RecentlyResolved = TimeSpan.FromDays(7);

    /// <summary>Also the <c>max-age</c> the pages send, so browsers and proxies keep them no longer than this instance does.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private volatile Snapshot? cached;

    public async Task<PublicStatus> Current(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (cached is { } snapshot && now >= snapshot.ReadAt && now - snapshot.ReadAt < CacheFor)
        {
            return snapshot.Status;
        }

        var status = Build(await store.Published(now - RecentlyResolved, ct), now);
        cached = new Snapshot(status, now);
        return status;
    }

    /// <summary>Told of every update of a published incident (it is a public publisher), so the next read is fresh.</summary>
    public Task Publish(Incident incident, StatusUpdate update, CancellationToken ct)
    {
        cached = null;
        return Task.CompletedTask;
    }

    private static PublicStatus Build(IReadOnlyList<PublishedIncident> published, DateTimeOffset now)
    {
        var list = published.Where(i => i.ResolvedAt is null)
            .Concat(published.Where(i => i.ResolvedAt is not null).OrderByDescending(i => i.ResolvedAt))
            .Select(i => new PublicIncident(i.Id, i.PublicTitle, i.Stage, i.DeclaredAt, i.ResolvedAt, [.. i.Updates.Reverse()]))
            .ToList();
        return new PublicStatus(list.Any(i => i.ResolvedAt is null) ? "degraded" : "operational", list, now);
    }

    private sealed record Snapshot(PublicStatus Status, DateTimeOffset ReadAt);
}

/// <summary>The page as a whole; <see cref="Status"/> is <c>degraded</c> while any incident is open.</summary>
internal sealed record PublicStatus(string Status, IReadOnlyList<PublicIncident> Incidents, DateTimeOffset At)
{
    public IEnumerable<PublicIncident> Open => Incidents.Where(i => i.ResolvedAt is null);

    public IEnumerable<PublicIncident> Resolved => Incidents.Where(i => i.ResolvedAt is not null);
}

/// <summary>An incident as the public sees it: <see cref="Title"/> is its public title; <see cref="Updates"/> newest first.</summary>
internal sealed record PublicIncident(
    string Id,
    string Title,
    IncidentStatus Stage,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<PublicUpdate> Updates);

internal sealed record PublicUpdate(DateTimeOffset At, IncidentStatus Stage, string Message);
