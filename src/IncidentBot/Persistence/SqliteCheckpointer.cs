using Microsoft.Data.Sqlite;

namespace IncidentBot.Persistence;

/// <summary>
/// Copies SQLite's write-ahead log into the database file on a schedule of its own, on a connection of its own. No other
/// connection checkpoints (<c>wal_autocheckpoint=0</c>, see <see cref="Database"/>). Left to SQLite, every commit that
/// finds the log past 1,000 pages runs a checkpoint, which syncs the log and the file to disk; while a reader holds back
/// the end of the log, the log stays past that size and the next commit tries again. In a run of 500 slash commands a
/// second that was 1,275 disk syncs in 10 s, each run by the inbox worker, an outbox sender or the heartbeat in the
/// middle of its work. From here: one try every <see cref="Interval"/>, 47 syncs in the same run.
/// A checkpoint takes no write lock, so writers go on meanwhile; a commit is as durable as before (it survives the
/// process crashing once it is in the log). Several instances on one file each run one; SQLite lets one at a time
/// copy and the others return at once.
/// </summary>
internal sealed partial class SqliteCheckpointer(Database database, TimeProvider clock, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>
    /// Short enough that the log stays a few megabytes at the highest write rates measured (3,000 replies a second),
    /// long enough that the syncs stay a handful a second.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private SqliteConnection? connection;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != StorageProvider.Sqlite)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(Interval, clock, stoppingToken);
                try
                {
                    await Checkpoint(stoppingToken);
                }
                catch (SqliteException e)
                {
                    // The log waits for the next try; nothing is lost meanwhile, it only grows.
                    LogCheckpointFailed(e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping. The last connection to close checkpoints what is left.
        }
    }

    /// <summary>
    /// One passive checkpoint: copies what no reader still needs from the log and returns, without waiting for
    /// anyone. Internal for tests, which run it without waiting for the schedule.
    /// </summary>
    internal async Task Checkpoint(CancellationToken ct)
    {
        try
        {
            connection ??= await database.OpenUnpooledSqlite(ct);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await checkpoint.ExecuteNonQueryAsync(ct);
        }
        catch
        {
            // A broken connection is not kept: the next try opens a new one.
            connection?.Dispose();
            connection = null;
            throw;
        }
    }

    public override void Dispose()
    {
        connection?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not copy SQLite's write-ahead log into the database file; trying again shortly: {Error}")]
    private partial void LogCheckpointFailed(string error);
}
