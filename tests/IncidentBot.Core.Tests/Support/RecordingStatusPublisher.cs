using IncidentBot.Core.Incidents;
using IncidentBot.Core.Status;

namespace IncidentBot.Core.Tests.Support;

/// <summary>
/// Keeps what was published, with the incident as the publisher saw it: each update once, as the host's outbox keys
/// it; fails once where a test armed <c>publish:&lt;update key&gt;</c> in <see cref="Faults"/>. Public (a status page)
/// unless told otherwise.
/// </summary>
internal sealed class RecordingStatusPublisher(Faults faults, bool isPublic = true) : IStatusPublisher
{
    public bool IsPublic => isPublic;

    public List<(Incident Incident, StatusUpdate Update)> Published { get; } = [];

    public Task Publish(Incident incident, StatusUpdate update, CancellationToken ct)
    {
        faults.Check($"publish:{update.Key}");
        if (!Published.Exists(p => p.Update.IncidentNumber == update.IncidentNumber && p.Update.Key == update.Key))
        {
            Published.Add((incident, update));
        }

        return Task.CompletedTask;
    }
}
