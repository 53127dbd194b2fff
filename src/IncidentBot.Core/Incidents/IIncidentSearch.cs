namespace IncidentBot.Core.Incidents;

/// <summary>
/// Full-text search over incidents: titles, timelines (deleted replies left out), root causes and verifications.
/// Implemented by the host (SQLite FTS5, PostgreSQL tsvector). Every word must occur; best match first.
/// </summary>
public interface IIncidentSearch
{
    Task<IReadOnlyList<Incident>> Search(IReadOnlyList<string> words, int limit, CancellationToken ct);

    /// <summary>The same documents, but any one of the words is enough (similar incidents); best match first.</summary>
    Task<IReadOnlyList<Incident>> SearchAny(IReadOnlyList<string> words, int limit, CancellationToken ct);
}
