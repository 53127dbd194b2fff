using Dapper;
using IncidentBot.Delivery;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Tests.Persistence;

/// <summary>
/// Only the checkpointer copies SQLite's write-ahead log into the database file: no commit does, so no acknowledgement,
/// inbox claim or outbox send waits for the disk syncs a checkpoint makes, and the log stays bounded all the same.
/// </summary>
internal sealed class SqliteCheckpointerTests() : DatabaseTest(StorageProvider.Sqlite)
{
    // 400 rows of 5,000 bytes: well past the 1,000 pages of log at which SQLite checkpoints after a commit by default.
    private const int Rows = 400;
    private const int RowBytes = 5000;

    private string File => new SqliteConnectionStringBuilder(TestDatabase.ConnectionString).DataSource;

    private long FileLength => new FileInfo(File).Length;

    private long LogLength => new FileInfo(File + "-wal").Length;

    [Test]
    public async Task No_commit_copies_the_log_into_the_database_file()
    {
        var before = FileLength;

        await WriteThroughTheAcknowledgingWriter("ack");
        await WriteThroughPooledConnections("pooled");

        Assert.That(FileLength, Is.EqualTo(before), "neither the acknowledging writer nor a pooled connection checkpointed");
        Assert.That(LogLength, Is.GreaterThan(2L * Rows * RowBytes), "both rounds are in the log");
    }

    [Test]
    public async Task A_checkpoint_copies_the_log_into_the_file_and_the_next_writes_reuse_the_log_from_its_start()
    {
        using var checkpointer = new SqliteCheckpointer(Database, Clock, NullLogger<SqliteCheckpointer>.Instance);
        var before = FileLength;
        await WriteThroughPooledConnections("first");
        var logAfterFirst = LogLength;

        await checkpointer.Checkpoint(Ct);

        Assert.That(FileLength, Is.GreaterThan(before + (Rows * RowBytes)), "the first round is in the database file");
        await WriteThroughPooledConnections("second");
        Assert.That(LogLength, Is.LessThanOrEqualTo(logAfterFirst), "the second round overwrote the log instead of growing it");
        await using var connection = await Database.Open(Ct);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox"), Is.EqualTo(2 * Rows), "nothing lost on the way");
    }

    [Test]
    public async Task Once_started_it_checkpoints_on_its_own_while_the_bot_writes()
    {
        using var checkpointer = new SqliteCheckpointer(Database, Clock, NullLogger<SqliteCheckpointer>.Instance);
        var before = FileLength;
        await checkpointer.StartAsync(Ct);
        try
        {
            await WriteThroughPooledConnections("while running");
            await Eventually.Get(() => FileLength, length => length > before + (Rows * RowBytes), "the rows copied into the database file");
        }
        finally
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }
    }

    private async Task WriteThroughTheAcknowledgingWriter(string round)
    {
        using var writer = new SqliteInboxWriter(Database);
        for (var i = 0; i < Rows; i++)
        {
            await writer.Store([new NewInboxRow("slack", "event", new string('x', RowBytes), DbTime.ToDb(Clock.GetUtcNow()), null, [$"{round}:{i}"])], Ct);
        }
    }

    private async Task WriteThroughPooledConnections(string round)
    {
        for (var i = 0; i < Rows; i++)
        {
            await using var connection = await Database.Open(Ct);
            await connection.ExecuteAsync(
                "INSERT INTO inbox (platform, kind, body, received_at, status, attempts, not_before) VALUES ('slack', @round, @body, 0, 'done', 1, 0)",
                new { round, body = new string('y', RowBytes) });
        }
    }
}
