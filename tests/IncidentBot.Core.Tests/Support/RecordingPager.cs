using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Tests.Support;

internal sealed class RecordingPager : IExternalPager
{
    public List<string> Events { get; } = [];

    public Task Trigger(Incident incident, Area area, CancellationToken ct)
    {
        Events.Add($"trigger {incident.Id} {area.PagerDutyRoutingKey}");
        return Task.CompletedTask;
    }

    public Task Resolve(Incident incident, Area area, CancellationToken ct)
    {
        Events.Add($"resolve {incident.Id} {area.PagerDutyRoutingKey}");
        return Task.CompletedTask;
    }
}
