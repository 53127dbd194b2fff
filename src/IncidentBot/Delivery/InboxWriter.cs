using System.Data.Common;
using System.Text.Json;
using IncidentBot.Persistence;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Delivery;

/// <summary>
/// Writes inbox rows in one transaction: a batch of them on SQLite, one request's on PostgreSQL (see
/// <see cref="InboxBatches"/>). The keys of the whole batch are
/// looked up in one query first, so a duplicate is skipped without a savepoint per row. On SQLite the writer keeps one
/// connection of its own, its statements prepared once (not a connection and four pragmas per batch, nor a statement
/// compiled per row). On PostgreSQL it takes a pooled connection per call; two requests storing the same key at
/// once (a retry on another instance) make the later transaction start again, and its lookup then finds the key.
/// </summary>
internal sealed class InboxWriter(Database database) : IDisposable
{
    private const string InsertRow = """
        INSERT INTO inbox (platform, kind, body, received_at, status, attempts, not_before, ordering_key)
        VALUES (@platform, @kind, @body, @received, 'pending', 0, @received, @ordering)
        RETURNING id
        """;

    private const string InsertKey = "INSERT INTO inbox_keys (key, inbox_id) VALUES (@key, @id)";

    private SqliteWriter? sqlite;

    /// <summary>Per row, its new id, or null when one of its keys was stored before (or earlier in the batch).</summary>
    public async Task<long?[]> Store(IReadOnlyList<NewInboxRow> rows, CancellationToken ct)
    {
        if (database.Provider == StorageProvider.Sqlite)
        {
            try
            {
                sqlite ??= await SqliteWriter.Open(database, ct);
                return await Write(sqlite.Connection, sqlite.Commands, rows, retriesOnRace: 0, ct);
            }
            catch
            {
                // A broken connection is not kept: the next batch opens a new one.
                sqlite?.Dispose();
                sqlite = null;
                throw;
            }
        }

        await using var connection = await database.Open(ct);
        return await Write(connection, Commands.Create(connection, database.Provider), rows, retriesOnRace: 2, ct);
    }

    private static async Task<long?[]> Write(DbConnection connection, Commands commands, IReadOnlyList<NewInboxRow> rows, int retriesOnRace, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        commands.Enlist(tx);
        try
        {
            var ids = await WriteRows(commands, rows, ct);
            await tx.CommitAsync(ct);
            return ids;
        }
        catch (DbException e) when (retriesOnRace > 0 && e.SqlState == "23505")
        {
            // Another instance stored one of these keys between the lookup and the insert.
            await tx.RollbackAsync(ct);
            return await Write(connection, commands, rows, retriesOnRace - 1, ct);
        }
    }

    private static async Task<long?[]> WriteRows(Commands commands, IReadOnlyList<NewInboxRow> rows, CancellationToken ct)
    {
        var seen = await commands.StoredKeys(rows.SelectMany(r => r.DedupeKeys).Distinct(StringComparer.Ordinal)
            .ToArray(), ct);
        var ids = new long?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            // Distinct, or a key repeated in one request would look like a duplicate of itself.
            var keys = rows[i].DedupeKeys.Distinct(StringComparer.Ordinal).ToList();
            if (keys.Any(seen.Contains))
            {
                continue;
            }

            ids[i] = await commands.Insert(rows[i], keys, ct);
            seen.UnionWith(keys);
        }

        return ids;
    }

    public void Dispose() => sqlite?.Dispose();

    /// <summary>The statements of a batch, bound to one connection and reused row after row.</summary>
    private sealed class Commands(DbCommand lookup, DbCommand row, DbCommand key, StorageProvider provider)
    {
        public static Commands Create(DbConnection connection, StorageProvider provider)
        {
            var lookup = provider == StorageProvider.Postgres
                ? "SELECT key FROM inbox_keys WHERE key = ANY(@keys)"
                : "SELECT key FROM inbox_keys WHERE key IN (SELECT value FROM json_each(@keys))";
            return new Commands(
                Command(connection, lookup, "keys"), Command(connection, InsertRow, "platform", "kind", "body", "received", "ordering"),
                Command(connection, InsertKey, "key", "id"), provider);
        }

        public void Enlist(DbTransaction tx)
        {
            lookup.Transaction = row.Transaction = key.Transaction = tx;
        }

        public async Task<HashSet<string>> StoredKeys(string[] keys, CancellationToken ct)
        {
            lookup.Parameters[0].Value = provider == StorageProvider.Postgres ? keys : JsonSerializer.Serialize(keys);
            var stored = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await lookup.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                stored.Add(reader.GetString(0));
            }

            return stored;
        }

        public async Task<long> Insert(NewInboxRow inbox, List<string> keys, CancellationToken ct)
        {
            row.Parameters[0].Value = inbox.Platform;
            row.Parameters[1].Value = inbox.Kind;
            row.Parameters[2].Value = inbox.Body;
            row.Parameters[3].Value = inbox.ReceivedAt;
            row.Parameters[4].Value = (object?)inbox.OrderingKey ?? DBNull.Value;
            var id = Convert.ToInt64(await row.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var k in keys)
            {
                key.Parameters[0].Value = k;
                key.Parameters[1].Value = id;
                await key.ExecuteNonQueryAsync(ct);
            }

            return id;
        }

        private static DbCommand Command(DbConnection connection, string sql, params string[] names)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in names)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            return command;
        }
    }

    /// <summary>SQLite's dedicated writer connection and its prepared statements.</summary>
    private sealed class SqliteWriter(SqliteConnection connection, Commands commands) : IDisposable
    {
        public SqliteConnection Connection => connection;

        public Commands Commands => commands;

        public static async Task<SqliteWriter> Open(Database database, CancellationToken ct)
        {
            var connection = (SqliteConnection)await database.Open(ct);
            return new SqliteWriter(connection, Commands.Create(connection, StorageProvider.Sqlite));
        }

        public void Dispose() => connection.Dispose();
    }
}
