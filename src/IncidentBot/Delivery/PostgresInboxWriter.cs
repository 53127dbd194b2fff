using IncidentBot.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace IncidentBot.Delivery;

/// <summary>
/// Writes a batch of inbox rows to PostgreSQL. First in one round trip: the rows and their keys in one statement over
/// arrays, committed on its own (no transaction around it), which stores the batch whenever none of its keys is stored
/// yet, as nearly always. When one is (Slack retrying a request, or another batch storing the same key), the statement
/// fails on the key's unique index, stores nothing, and the batch is written as before in three round trips: the keys
/// of the whole batch looked up in one query (BEGIN travels with it), the new rows and their keys, the commit.
/// Row by row, each request cost several round trips, and a batch waited for all of them.
/// </summary>
/// <remarks>
/// Duplicates within the batch are left out before either attempt (<see cref="InboxDedupe.Choose"/> with nothing
/// stored): when the first attempt succeeds none of the chosen rows' keys was stored, so the rows it chose are the
/// ones the lookup would have chosen. Two batches storing the same key at once (a retry reaching another instance, or
/// another batch of this one) both miss it; the later insert then waits for the earlier transaction and fails with a
/// unique violation once it commits, and the batch starts again: its lookup then finds the key. Keys are inserted in
/// key order, so two batches wait for each other in one direction only, never in a cycle.
/// </remarks>
internal sealed class PostgresInboxWriter(Database database) : IInboxRowWriter
{
    /// <summary>
    /// Each retry follows another transaction's commit (the one holding the key), so a batch retries only while others
    /// make progress; a few cover this instance's own batches racing for a burst of Slack's retries.
    /// </summary>
    private const int RetriesOnRace = 4;

    // The ids are drawn in the statement so the answer can map each input row to its id (RETURNING promises no order);
    // unnest emits the rows in array order, so a batch's ids follow the order its requests arrived in.
    private const string InsertRowsAndKeys = """
        WITH input AS MATERIALIZED (
            SELECT nextval(pg_get_serial_sequence('inbox', 'id')) AS id, u.*
            FROM unnest(@platforms, @kinds, @bodies, @received, @ordering) WITH ORDINALITY
                AS u(platform, kind, body, received_at, ordering_key, n)
        ), stored AS (
            INSERT INTO inbox (id, platform, kind, body, received_at, status, attempts, not_before, ordering_key)
            SELECT id, platform, kind, body, received_at, 'pending', 0, received_at, ordering_key FROM input
        ), keyed AS (
            INSERT INTO inbox_keys (key, inbox_id)
            SELECT k.key, input.id FROM unnest(@keys, @keyRows) AS k(key, n) JOIN input ON input.n = k.n
            ORDER BY k.key
        )
        SELECT id FROM input ORDER BY n
        """;

    /// <summary>Per row, its new id, or null when one of its keys was stored before (or earlier in the batch).</summary>
    public async Task<long?[]> Store(IReadOnlyList<NewInboxRow> rows, CancellationToken ct)
    {
        await using var connection = (NpgsqlConnection)await database.Open(ct);
        if (await TryWithoutLookup(connection, rows, ct) is { } ids)
        {
            return ids;
        }

        for (var attempt = 0; ; attempt++)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            try
            {
                ids = await Write(connection, tx, rows, ct);
                await tx.CommitAsync(ct);
                return ids;
            }
            catch (PostgresException e) when (attempt < RetriesOnRace && IsRace(e))
            {
                await tx.RollbackAsync(ct);
            }
        }
    }

    /// <summary>The ids, or null when a key of the batch was stored already: then nothing of it was.</summary>
    private static async Task<long?[]?> TryWithoutLookup(NpgsqlConnection connection, IReadOnlyList<NewInboxRow> rows, CancellationToken ct)
    {
        try
        {
            return await Insert(connection, null, rows, InboxDedupe.Choose(rows, []), ct);
        }
        catch (PostgresException e) when (IsRace(e))
        {
            return null;
        }
    }

    private static bool IsRace(PostgresException e) => e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected;

    private static async Task<long?[]> Write(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<NewInboxRow> rows, CancellationToken ct)
    {
        var keys = InboxDedupe.AllKeys(rows);
        var chosen = InboxDedupe.Choose(rows, keys.Length == 0 ? [] : await StoredKeys(connection, tx, keys, ct));
        return await Insert(connection, tx, rows, chosen, ct);
    }

    private static async Task<long?[]> Insert(NpgsqlConnection connection, NpgsqlTransaction? tx, IReadOnlyList<NewInboxRow> rows, List<InboxDedupe.Chosen> chosen, CancellationToken ct)
    {
        var ids = new long?[rows.Count];
        if (chosen.Count == 0)
        {
            return ids;
        }

        await using var insert = new NpgsqlCommand(InsertRowsAndKeys, connection, tx);
        AddArrays(insert, [.. chosen.Select(c => rows[c.Index])], chosen);
        await using var reader = await insert.ExecuteReaderAsync(ct);
        for (var i = 0; await reader.ReadAsync(ct); i++)
        {
            ids[chosen[i].Index] = reader.GetInt64(0);
        }

        return ids;
    }

    private static async Task<HashSet<string>> StoredKeys(NpgsqlConnection connection, NpgsqlTransaction tx, string[] keys, CancellationToken ct)
    {
        await using var lookup = new NpgsqlCommand("SELECT key FROM inbox_keys WHERE key = ANY(@keys)", connection, tx);
        lookup.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = keys });
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await lookup.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stored.Add(reader.GetString(0));
        }

        return stored;
    }

    private static void AddArrays(NpgsqlCommand insert, NewInboxRow[] rows, IReadOnlyList<InboxDedupe.Chosen> chosen)
    {
        insert.Parameters.Add(Texts("platforms", [.. rows.Select(r => r.Platform)]));
        insert.Parameters.Add(Texts("kinds", [.. rows.Select(r => r.Kind)]));
        insert.Parameters.Add(Texts("bodies", [.. rows.Select(r => r.Body)]));
        insert.Parameters.Add(new NpgsqlParameter<long[]>("received", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. rows.Select(r => r.ReceivedAt)] });
        insert.Parameters.Add(Texts("ordering", [.. rows.Select(r => r.OrderingKey)]));

        // Each key with the position (1-based, as WITH ORDINALITY counts) of its row among the rows inserted.
        var keyed = chosen.SelectMany((c, position) => c.Keys.Select(key => (key, row: (long)position + 1))).ToList();
        insert.Parameters.Add(Texts("keys", [.. keyed.Select(k => k.key)]));
        insert.Parameters.Add(new NpgsqlParameter<long[]>("keyRows", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. keyed.Select(k => k.row)] });
    }

    private static NpgsqlParameter<string?[]> Texts(string name, string?[] values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values };
}
