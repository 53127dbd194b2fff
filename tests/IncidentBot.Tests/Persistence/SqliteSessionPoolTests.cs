using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Persistence.SqliteSessions;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Tests.Persistence;

/// <summary>
/// SQLite connections come from the bot's own pool and keep the statements compiled on them, and a connection handed
/// out again carries nothing of its last user: no transaction, no open reader, no parameter.
/// </summary>
internal sealed class SqliteSessionPoolTests() : DatabaseTest(StorageProvider.Sqlite)
{
    private const string Insert = "INSERT INTO incident_search_stale (incident_id) VALUES (@id)";
    private const string Count = "SELECT COUNT(*) FROM incident_search_stale";

    [Test]
    public async Task A_statement_run_again_on_a_connection_handed_out_again_is_not_compiled_again()
    {
        SqliteSession session;
        int compiled;
        await using (var first = (PooledSqliteConnection)await Database.Open(Ct))
        {
            await first.ExecuteAsync(Insert, new { id = 1 });
            session = first.Session;
            compiled = session.Compiled;
        }

        await using var again = (PooledSqliteConnection)await Database.Open(Ct);
        Assume.That(again.Session, Is.SameAs(session), "the pool handed out the same connection");
        await again.ExecuteAsync(Insert, new { id = 2 });
        await again.ExecuteAsync(Insert, new { id = 3 });

        Assert.That(session.Compiled, Is.EqualTo(compiled));
        Assert.That(await again.QueryAsync<long>("SELECT incident_id FROM incident_search_stale ORDER BY incident_id"), Is.EqualTo<long[]>([1, 2, 3]));
    }

    [Test]
    public async Task Each_run_of_a_kept_statement_binds_its_own_parameters_and_a_missing_one_is_still_an_error()
    {
        await using var connection = await Database.Open(Ct);
        await connection.ExecuteAsync(Insert, new { id = 7 });
        await connection.ExecuteAsync(Insert, new { id = 8 });

        Assert.That(await connection.QueryAsync<long>("SELECT incident_id FROM incident_search_stale WHERE incident_id = @id", new { id = 8 }), Is.EqualTo<long[]>([8]));
        Assert.ThrowsAsync<InvalidOperationException>(() => connection.ExecuteAsync(Insert));
        Assert.That(await connection.ExecuteScalarAsync<long>(Count), Is.EqualTo(2));
    }

    [Test]
    public async Task A_parameter_named_without_its_at_sign_as_Dapper_names_it_binds_at_no_extra_cost()
    {
        await using var connection = await Database.Open(Ct);
        long Allocated(string prefix)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 200; i++)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT @first + @second + @third";
                foreach (var name in (string[])["first", "second", "third"])
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = prefix + name;
                    parameter.Value = i;
                    command.Parameters.Add(parameter);
                }

                Assert.That(command.ExecuteScalar(), Is.EqualTo(3L * i));
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Allocated("@");
        var written = Allocated("@");
        var bare = Allocated("");

        // Microsoft.Data.Sqlite alone tries "first", ":first" and "@first", a new string and a UTF-8 copy each, per run.
        Assert.That(bare, Is.LessThan(written + (200 * 64)), $"bare names {bare} bytes, '@' names {written} bytes");
    }

    [Test]
    public async Task A_transaction_left_open_when_its_connection_closes_is_rolled_back_and_the_next_user_writes_on_its_own()
    {
        await using (var careless = await Database.Open(Ct))
        {
            var tx = await careless.BeginTransactionAsync(Ct);
            await careless.ExecuteAsync(Insert, new { id = 1 }, tx);
        }

        await using var next = await Database.Open(Ct);
        await next.ExecuteAsync(Insert, new { id = 2 });
        await using var other = await Database.Open(Ct);
        Assert.That(await other.QueryAsync<long>("SELECT incident_id FROM incident_search_stale"), Is.EqualTo<long[]>([2]));
    }

    [Test]
    public async Task A_connection_left_inside_a_BEGIN_written_in_its_SQL_is_closed_not_handed_out_again()
    {
        SqliteConnection careless;
        await using (var connection = (PooledSqliteConnection)await Database.Open(Ct))
        {
            careless = connection.Inner;
            await connection.ExecuteAsync("BEGIN; " + Insert.Replace("@id", "1", StringComparison.Ordinal));
        }

        Assert.That(careless.State, Is.EqualTo(System.Data.ConnectionState.Closed));
        await using var next = await Database.Open(Ct);
        Assert.That(await next.ExecuteScalarAsync<long>(Count), Is.Zero, "closing the connection rolled its transaction back");
    }

    [Test]
    public async Task A_reader_left_open_when_its_connection_closes_does_not_hold_back_a_checkpoint()
    {
        await using (var setUp = await Database.Open(Ct))
        {
            await setUp.ExecuteAsync(Insert, new { id = 1 });
        }

        await using (var careless = await Database.Open(Ct))
        {
            var reader = await careless.ExecuteReaderAsync(Count);
            Assume.That(await reader.ReadAsync(Ct), Is.True);
        }

        await using (var writer = await Database.Open(Ct))
        {
            await writer.ExecuteAsync(Insert, new { id = 2 });
        }

        // A reader still open anywhere would keep its snapshot, and a full checkpoint would report itself blocked.
        await using var checkpoint = await Database.Open(Ct);
        var (busy, _, _) = await checkpoint.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>("PRAGMA wal_checkpoint(TRUNCATE)");
        Assert.That(busy, Is.Zero);
    }

    [Test]
    public async Task Only_the_most_recently_used_statements_are_kept_per_connection()
    {
        await using var connection = (PooledSqliteConnection)await Database.Open(Ct);
        for (var i = 0; i <= SqliteSession.StatementsKept; i++)
        {
            await connection.ExecuteScalarAsync<long>($"SELECT {i}");
        }

        var compiled = connection.Session.Compiled;
        await connection.ExecuteScalarAsync<long>($"SELECT {SqliteSession.StatementsKept}");
        Assert.That(connection.Session.Compiled, Is.EqualTo(compiled), "the newest is kept");
        await connection.ExecuteScalarAsync<long>("SELECT 0");
        Assert.That(connection.Session.Compiled, Is.EqualTo(compiled + 1), "the oldest was let go");
    }

    [Test]
    public async Task Connections_open_at_once_are_all_usable_and_no_more_than_the_kept_number_stay_open_when_idle()
    {
        var opened = new List<PooledSqliteConnection>();
        for (var i = 0; i < SqliteSessionPool.KeptIdle + 4; i++)
        {
            opened.Add((PooledSqliteConnection)await Database.Open(Ct));
        }

        var inner = opened.Select(c => c.Inner).ToList();
        for (var i = 0; i < opened.Count; i++)
        {
            await opened[i].ExecuteAsync(Insert, new { id = i });
        }

        foreach (var connection in opened)
        {
            await connection.DisposeAsync();
        }

        Assert.That(inner.Count(c => c.State == System.Data.ConnectionState.Open), Is.EqualTo(SqliteSessionPool.KeptIdle));
        await using var check = await Database.Open(Ct);
        Assert.That(await check.ExecuteScalarAsync<long>(Count), Is.EqualTo(opened.Count));
    }
}
