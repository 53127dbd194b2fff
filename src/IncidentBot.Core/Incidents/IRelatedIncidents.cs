namespace IncidentBot.Core.Incidents;

/// <summary>Incidents linked by hand with <c>related</c>. Implemented by the host over SQLite or PostgreSQL.</summary>
public interface IRelatedIncidents
{
    /// <summary>Links the two, both ways at once; false when they were linked already.</summary>
    Task<bool> Link(long first, long second, string linkedBy, DateTimeOffset at, CancellationToken ct);

    /// <summary>The numbers of the incidents linked to this one, lowest (earliest declared) first.</summary>
    Task<IReadOnlyList<long>> RelatedTo(long number, CancellationToken ct);
}
