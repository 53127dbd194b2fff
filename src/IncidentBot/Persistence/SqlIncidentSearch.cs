using System.Data.Common;
using Dapper;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Persistence;

/// <summary>
/// Full-text search over <c>incident_documents</c> (migration 011: title, root cause, verification and live timeline
/// entries of each incident). SQLite: the FTS5 table <c>incident_search</c>, ranked by bm25; a change
/// to an incident re-indexes it at once (triggers), a change to its timeline only marks it stale, and each search first
/// re-indexes the stale incidents (migration 021), so a storm of replies is not re-indexed reply by reply.
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
            if (database.Provider == StorageProvider.Sqlite)
            {
                await RefreshStale(connection, ct);
            }

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

    /// <summary>Re-indexes the incidents whose timeline changed since the last search; takes the writer only when some did.</summary>
    private static async Task RefreshStale(DbConnection connection, CancellationToken ct)
    {
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM incident_search_stale)", cancellationToken: ct)))
        {
            return;
        }

        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM incident_search WHERE rowid IN (SELECT incident_id FROM incident_search_stale);
            INSERT INTO incident_search (rowid, document)
            SELECT id, document FROM incident_documents WHERE id IN (SELECT incident_id FROM incident_search_stale);
            DELETE FROM incident_search_stale;
            """,
            transaction: tx,
            cancellationToken: ct));
        await tx.CommitAsync(ct);
    }
}
