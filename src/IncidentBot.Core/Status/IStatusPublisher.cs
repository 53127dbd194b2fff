using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Status;

/// <summary>
/// A place outside the incident thread that is told about each status update (stakeholder channels, Statuspage).
/// Several may be registered; every one gets every update. Implementations queue durably and return.
/// </summary>
public interface IStatusPublisher
{
    /// <summary>
    /// Whether what it publishes is seen outside the company (status page, Statuspage). A public publisher is given only
    /// published incidents (<see cref="Incident.IsPublished"/>), so a private or unpublished one never reaches it.
    /// Public unless it says otherwise: forgetting to say so can only hide an incident, never expose one.
    /// </summary>
    bool IsPublic => true;

    /// <summary>
    /// <paramref name="incident"/> already carries the update's stage as its status, and its public title. Publishing an
    /// update with the same <see cref="StatusUpdate.Key"/> again does nothing (the host queues it under that key).
    /// </summary>
    Task Publish(Incident incident, StatusUpdate update, CancellationToken ct);
}
