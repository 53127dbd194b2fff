using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Tests.Support;

/// <summary>
/// Keeps the PagerDuty events sent, each once per incident and action as the host's outbox keys them; fails once
/// where a test armed <c>pager:&lt;action&gt;</c> in <see cref="Faults"/>.
/// </summary>
internal sealed class RecordingPager(Faults faults) : IExternalPager
{
    public List<string> Events { get; } = [];

    public Task Trigger(Incident incident, Area area, CancellationToken ct) => Send("trigger", incident, area);

    public Task Resolve(Incident incident, Area area, CancellationToken ct) => Send("resolve", incident, area);

    private Task Send(string action, Incident incident, Area area)
    {
        faults.Check($"pager:{action}:{incident.Id}");
        var text = $"{action} {incident.Id} {area.PagerDutyRoutingKey}";
        if (!Events.Contains(text))
        {
            Events.Add(text);
        }

        return Task.CompletedTask;
    }
}
