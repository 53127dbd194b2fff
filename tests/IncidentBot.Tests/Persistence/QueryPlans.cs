using Dapper;
using IncidentBot.Persistence;

namespace IncidentBot.Tests.Persistence;

/// <summary>The plan a database chose for a statement, as one text to look for index names in.</summary>
internal static class QueryPlans
{
    public static async Task<string> Explain(Database database, string sql, object args, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var postgres = database.Provider == StorageProvider.Postgres;
        if (postgres)
        {
            // The test's tables are tiny: without this the planner rightly prefers reading them whole. Reset
            // afterwards: the bot's pool hands connections back as they are (No Reset On Close).
            await connection.ExecuteAsync("SET enable_seqscan = off");
        }

        try
        {
            var rows = await connection.QueryAsync((postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql, args);
            return string.Join('\n', rows.Select(row => string.Join(' ', ((IDictionary<string, object>)row).Values)));
        }
        finally
        {
            if (postgres)
            {
                await connection.ExecuteAsync("RESET enable_seqscan");
            }
        }
    }
}
