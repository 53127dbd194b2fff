using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Status;

/// <summary>
/// A place outside the incident thread that is told about each status update (stakeholder channels, Statuspage).
/// Several may be registered; every one gets every update. Implementations queue durably and return.
/// </summary>
public interface IStatusPublisher
{
    /// <summary>
    /// <paramref name="incident"/> already carries the update's stage as its status. Publishing an update with the same
    /// <see cref="StatusUpdate.Key"/> again does nothing (the host queues it under that key).
    /// </summary>
    Task Publish(Incident incident, StatusUpdate update, CancellationToken ct);
}
