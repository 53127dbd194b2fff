using IncidentBot.Core.Incidents;
using IncidentBot.Core.Status;

namespace IncidentBot.Core.Tests.Support;

/// <summary>Keeps what was published, with the incident as the publisher saw it.</summary>
internal sealed class RecordingStatusPublisher : IStatusPublisher
{
    public List<(Incident Incident, StatusUpdate Update)> Published { get; } = [];

    public Task Publish(Incident incident, StatusUpdate update, CancellationToken ct)
    {
        Published.Add((incident, update));
        return Task.CompletedTask;
    }
}
