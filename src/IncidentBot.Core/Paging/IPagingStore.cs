using NodaTime;

namespace IncidentBot.Core.Paging;

/// <summary>The durable state paging needs: ownership, escalation progress and run-time absences.</summary>
public interface IPagingStore
{
    Task SetArea(long incidentNumber, string area, CancellationToken ct);

    /// <summary>Records the first acknowledgement, making that person the owner; false when someone was first.</summary>
    Task<bool> Acknowledge(long incidentNumber, string owner, DateTimeOffset at, CancellationToken ct);

    /// <summary>Sets the owner explicitly; counts as the acknowledgement when there was none.</summary>
    Task SetOwner(long incidentNumber, string owner, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Moves the escalation to <paramref name="level"/> unless it is further already; false then (a later level has
    /// started, so this one is over). True when it is at <paramref name="level"/> already: an attempt that failed after
    /// moving it can finish that level's steps, which are keyed so none is repeated.
    /// </summary>
    Task<bool> TryEscalate(long incidentNumber, int level, CancellationToken ct);

    /// <summary>A person's <c>/outage ooo</c>: null when they are not marked away; otherwise the day they return, if given.</summary>
    Task<Away?> AwayStatus(string personId, CancellationToken ct);

    Task SetAway(string personId, LocalDate? until, DateTimeOffset at, CancellationToken ct);

    Task SetBack(string personId, CancellationToken ct);
}

/// <summary>A run-time absence; <see cref="Until"/> is the last day away, null for "until I say I'm back".</summary>
public sealed record Away(LocalDate? Until);
