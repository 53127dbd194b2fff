namespace IncidentBot.Core.Paging;

/// <summary>The durable state paging needs: ownership and escalation progress.</summary>
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
}
