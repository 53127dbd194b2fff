using IncidentBot.Core.Incidents;
using IncidentBot.Core.Status;

namespace IncidentBot.Core.Tests.Support;

/// <summary>Status updates in memory; the incident's status lives in the <see cref="MemoryIncidentStore"/>.</summary>
internal sealed class MemoryStatusStore(MemoryIncidentStore incidents) : IStatusStore
{
    private readonly List<StatusUpdate> updates = [];
    private readonly Lock gate = new();

    public IReadOnlyList<StatusUpdate> All
    {
        get
        {
            lock (gate)
            {
                return [.. updates];
            }
        }
    }

    public Task<StatusUpdate> Record(StatusUpdate update, CancellationToken ct)
    {
        lock (gate)
        {
            if (updates.Find(u => u.IncidentNumber == update.IncidentNumber && u.Key == update.Key) is { } stored)
            {
                return Task.FromResult(stored);
            }

            updates.Add(update);
            return Task.FromResult(update);
        }
    }

    public Task<IReadOnlyList<StatusUpdate>> ForIncident(long number, CancellationToken ct)
    {
        lock (gate)
        {
            IReadOnlyList<StatusUpdate> list = updates.Where(u => u.IncidentNumber == number).OrderBy(u => u.At).ToList();
            return Task.FromResult(list);
        }
    }

    public Task SetPublicTitle(long number, string title, CancellationToken ct) => incidents.SetPublicTitle(number, title);

    public Task SetIncidentStatus(long number, IncidentStatus status, CancellationToken ct) => incidents.SetStatus(number, status);
}
