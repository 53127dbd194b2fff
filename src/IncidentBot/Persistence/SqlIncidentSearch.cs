using Dapper;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Persistence;

/// <summary>
/// Full-text search over <c>incident_documents</c> (migration 011: title, root cause, verification and live timeline
/// entries of each incident). SQLite: the FTS5 table <c>incident_search</c>, kept current by triggers, ranked by bm25.
/// PostgreSQL: an English <c>tsvector</c> of the document matched against <c>plainto_tsquery</c>, ranked by
/// <c>ts_rank</c>; it is computed per query (no index), which is fine for thousands of incidents, not millions.
/// Words come in as letters and digits only, so nothing typed is query syntax.
/// </summary>
internal sealed class SqlIncidentSearch(Database database, IIncidentStore incidents) : IIncidentSearch
{
    private const string SqliteQuery = "SELECT rowid FROM incident_search WHERE incident_search MATCH @query ORDER BY rank LIMIT @limit";

    private const string PostgresQuery = """
        SELECT id FROM incident_documents
        WHERE to_tsvector('english', document) @@ plainto_tsquery('english', @query)
        ORDER BY ts_rank(to_tsvector('english', document), plainto_tsquery('english', @query)) DESC, id DESC
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<Incident>> Search(IReadOnlyList<string> words, int limit, CancellationToken ct)
    {
        if (words.Count == 0)
        {
            return [];
        }

        var sqlite = database.Provider == StorageProvider.Sqlite;
        var query = sqlite ? string.Join(' ', words.Select(w => $"\"{w.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")) : string.Join(' ', words);
        List<long> ids;
        await using (var connection = await database.Open(ct))
        {
            ids = [.. await connection.QueryAsync<long>(new CommandDefinition(sqlite ? SqliteQuery : PostgresQuery, new { query, limit }, cancellationToken: ct))];
        }

        var found = new List<Incident>();
        foreach (var id in ids)
        {
            if (await incidents.Find(id, ct) is { } incident)
            {
                found.Add(incident);
            }
        }

        return found;
    }
}
