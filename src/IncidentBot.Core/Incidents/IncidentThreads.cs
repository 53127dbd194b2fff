namespace IncidentBot.Core.Incidents;

/// <summary>Called by a platform adapter once an incident's root message exists, so replies to it can be matched.</summary>
public sealed class IncidentThreads(IIncidentStore store)
{
    public Task ThreadOpened(long incidentNumber, string threadId, CancellationToken ct) =>
        store.SetThreadId(incidentNumber, threadId, ct);
}
