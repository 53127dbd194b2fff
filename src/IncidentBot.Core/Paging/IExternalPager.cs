using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Paging;

/// <summary>
/// An outside paging service (PagerDuty) for areas that route to one. Calls are queued, like chat messages, and keyed
/// by incident and action: triggering or resolving an incident a second time does nothing.
/// </summary>
public interface IExternalPager
{
    Task Trigger(Incident incident, Area area, CancellationToken ct);

    Task Resolve(Incident incident, Area area, CancellationToken ct);
}
