using Dapper;
using IncidentBot.Persistence;

namespace IncidentBot.Tests.Persistence;

/// <summary>
/// Empties a test database between the tests that share one host: every table of the bot's data, with identity
/// sequences back at 1 (the next incident is INC-1 again). Kept: the applied migrations, Quartz's tables (its jobs and
/// locks belong to the running scheduler) and the delivery runs (the running host's heartbeat row).
/// </summary>
internal static class DatabaseReset
{
    private static readonly string[] Kept = ["schema_migrations", "delivery_runs"];

    public static async Task Empty(TestDatabase database)
    {
        await using var connected = database.Connect();
        await using var connection = await connected.Open(CancellationToken.None);
        if (database.Provider == StorageProvider.Postgres)
        {
            var tables = (await connection.QueryAsync<string>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).Where(Emptied).ToList();
            await connection.ExecuteAsync($"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE");
            return;
        }

        var all = (await connection.QueryAsync<(string Name, string Sql)>("SELECT name, sql FROM sqlite_master WHERE type = 'table'")).ToList();
        // A full-text index is emptied through its virtual table, never through the shadow tables behind it.
        var virtualTables = all.Where(t => t.Sql.StartsWith("CREATE VIRTUAL", StringComparison.OrdinalIgnoreCase)).Select(t => t.Name).ToList();
        var emptied = all.Select(t => t.Name)
            .Where(name => Emptied(name) && !name.StartsWith("sqlite_", StringComparison.Ordinal) && !virtualTables.Any(v => name.StartsWith(v + "_", StringComparison.Ordinal)));
        // One connection, so the pragma holds for every delete: the tables go in any order.
        await connection.ExecuteAsync("PRAGMA foreign_keys = OFF");
        foreach (var table in emptied)
        {
            await connection.ExecuteAsync($"DELETE FROM {table}");
        }

        if (all.Any(t => t.Name == "sqlite_sequence"))
        {
            await connection.ExecuteAsync("DELETE FROM sqlite_sequence");
        }

        await connection.ExecuteAsync("PRAGMA foreign_keys = ON");
    }

    private static bool Emptied(string table) => !Kept.Contains(table) && !table.StartsWith("qrtz_", StringComparison.Ordinal);
}
