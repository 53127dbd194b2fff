using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Status;

/// <summary>Durable public status updates. Implemented by the host over SQLite or PostgreSQL.</summary>
public interface IStatusStore
{
    /// <summary>
    /// Stores the update unless its incident has one with the same <see cref="StatusUpdate.Key"/>; returns the stored
    /// one either way, so a retry carries on with the update as it was first recorded.
    /// </summary>
    Task<StatusUpdate> Record(StatusUpdate update, CancellationToken ct);

    /// <summary>The incident's updates, oldest first.</summary>
    Task<IReadOnlyList<StatusUpdate>> ForIncident(long number, CancellationToken ct);

    /// <summary>The name the status page shows for the incident; set by its first public update, changed by a later <c>title:</c>.</summary>
    Task SetPublicTitle(long number, string title, CancellationToken ct);

    /// <summary>Sets the incident's current stage; a resolved incident keeps its status (resolving is ResolveIncident's).</summary>
    Task SetIncidentStatus(long number, IncidentStatus status, CancellationToken ct);
}
