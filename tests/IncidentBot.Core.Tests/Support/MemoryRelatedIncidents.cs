using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Tests.Support;

/// <summary>Links between incidents kept in memory, both ways, for core tests only.</summary>
internal sealed class MemoryRelatedIncidents : IRelatedIncidents
{
    private readonly HashSet<(long From, long To)> links = [];
    private readonly Lock gate = new();

    public Task<bool> Link(long first, long second, string linkedBy, DateTimeOffset at, CancellationToken ct)
    {
        lock (gate)
        {
            var added = links.Add((first, second));
            links.Add((second, first));
            return Task.FromResult(added);
        }
    }

    public Task<IReadOnlyList<long>> RelatedTo(long number, CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<long>>([.. links.Where(l => l.From == number).Select(l => l.To).Order()]);
        }
    }
}
