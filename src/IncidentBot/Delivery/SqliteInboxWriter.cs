using System.Data.Common;
using IncidentBot.Persistence;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Delivery;

/// <summary>
/// Writes a batch of inbox rows to SQLite in one transaction (see <see cref="InboxBatches"/>). The keys of the whole
/// batch are looked up in one query first, so a duplicate is skipped without a savepoint per row. The writer keeps one
/// connection of its own, its statements prepared once (not a connection and four pragmas per batch, nor a statement
/// compiled per row): SQLite runs in this process, so a statement per row costs no round trip. Its connection never
/// checkpoints the write-ahead log: a checkpoint syncs the database file to disk, and run by this connection it would
/// hold up every acknowledgement waiting for the next batch (SQLite runs one, after a commit, each time the log passes
/// 1,000 pages). The other connections' commits (the inbox worker's, the heartbeat's) still run them, so the log stays
/// as short as before. Its connection is not pooled, so that setting never reaches another writer.
/// </summary>
internal sealed class SqliteInboxWriter(Database database) : IInboxRowWriter, IDisposable
{
    private const string InsertRow = """
        INSERT INTO inbox (platform, kind, body, received_at, status, attempts, not_before, ordering_key)
        VALUES (@platform, @kind, @body, @received, 'pending', 0, @received, @ordering)
        RETURNING id
        """;

    private const string InsertKey = "INSERT INTO inbox_keys (key, inbox_id) VALUES (@key, @id)";

    private static readonly string Lookup = $"SELECT key FROM inbox_keys WHERE {SqlLists.In(StorageProvider.Sqlite, "key", "keys")}";

    private Commands? commands;

    /// <summary>Per row, its new id, or null when one of its keys was stored before (or earlier in the batch).</summary>
    public async Task<long?[]> Store(IReadOnlyList<NewInboxRow> rows, CancellationToken ct)
    {
        try
        {
            commands ??= await Commands.Open(database, ct);
            await using var tx = await commands.Connection.BeginTransactionAsync(ct);
            commands.Enlist(tx);
            var ids = await Write(commands, rows, ct);
            await tx.CommitAsync(ct);
            return ids;
        }
        catch
        {
            // A broken connection is not kept: the next batch opens a new one.
            commands?.Dispose();
            commands = null;
            throw;
        }
    }

    private static async Task<long?[]> Write(Commands commands, IReadOnlyList<NewInboxRow> rows, CancellationToken ct)
    {
        var keys = InboxDedupe.AllKeys(rows);
        var ids = new long?[rows.Count];
        foreach (var chosen in InboxDedupe.Choose(rows, await commands.StoredKeys(keys, ct)))
        {
            ids[chosen.Index] = await commands.Insert(rows[chosen.Index], chosen.Keys, ct);
        }

        return ids;
    }

    public void Dispose() => commands?.Dispose();

    /// <summary>The writer's own connection and its statements, prepared once and reused row after row.</summary>
    private sealed class Commands(SqliteConnection connection, DbCommand lookup, DbCommand row, DbCommand key) : IDisposable
    {
        public SqliteConnection Connection => connection;

        public static async Task<Commands> Open(Database database, CancellationToken ct)
        {
            var connection = await database.OpenUnpooledSqlite(ct);
            try
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA wal_autocheckpoint=0";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            return new Commands(
                connection, Command(connection, Lookup, "keys"), Command(connection, InsertRow, "platform", "kind", "body", "received", "ordering"),
                Command(connection, InsertKey, "key", "id"));
        }

        public void Enlist(DbTransaction tx)
        {
            lookup.Transaction = row.Transaction = key.Transaction = tx;
        }

        public async Task<HashSet<string>> StoredKeys(string[] keys, CancellationToken ct)
        {
            lookup.Parameters[0].Value = SqlLists.Values(StorageProvider.Sqlite, keys);
            var stored = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await lookup.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                stored.Add(reader.GetString(0));
            }

            return stored;
        }

        public async Task<long> Insert(NewInboxRow inbox, IReadOnlyList<string> keys, CancellationToken ct)
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

        public void Dispose() => connection.Dispose();

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
}
