using Dapper;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Persistence;

/// <summary>
/// Full-text search over <c>incident_documents</c> (migration 011: title, root cause, verification and live timeline
/// entries of each incident). SQLite: the FTS5 table <c>incident_search</c>, kept current by triggers and, for new timeline
/// entries, by <see cref="SqlIncidentStore"/> once per write (migration 020), ranked by bm25.
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

    private const string PostgresAnyQuery = """
        SELECT id FROM incident_documents
        WHERE to_tsvector('english', document) @@ to_tsquery('english', @query)
        ORDER BY ts_rank(to_tsvector('english', document), to_tsquery('english', @query)) DESC, id DESC
        LIMIT @limit
        """;

    public Task<IReadOnlyList<Incident>> Search(IReadOnlyList<string> words, int limit, CancellationToken ct) =>
        database.Provider == StorageProvider.Sqlite
            ? Find(SqliteQuery, string.Join(' ', words.Select(Quoted)), words.Count, limit, ct)
            : Find(PostgresQuery, string.Join(' ', words), words.Count, limit, ct);

    /// <summary>Any one word: FTS5's <c>OR</c>, tsquery's <c>|</c> (the words hold no query syntax, see above).</summary>
    public Task<IReadOnlyList<Incident>> SearchAny(IReadOnlyList<string> words, int limit, CancellationToken ct) =>
        database.Provider == StorageProvider.Sqlite
            ? Find(SqliteQuery, string.Join(" OR ", words.Select(Quoted)), words.Count, limit, ct)
            : Find(PostgresAnyQuery, string.Join(" | ", words), words.Count, limit, ct);

    private static string Quoted(string word) => $"\"{word.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private async Task<IReadOnlyList<Incident>> Find(string sql, string query, int wordCount, int limit, CancellationToken ct)
    {
        if (wordCount == 0)
        {
            return [];
        }

        List<long> ids;
        await using (var connection = await database.Open(ct))
        {
            ids = [.. await connection.QueryAsync<long>(new CommandDefinition(sql, new { query, limit }, cancellationToken: ct))];
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
