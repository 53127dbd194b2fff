using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IncidentBot.Persistence;

/// <summary>Opens connections to the configured database; everything else in Persistence is plain SQL over these.</summary>
internal sealed class Database : IAsyncDisposable
{
    // WAL lets readers run beside the one writer; concurrent writers (inbox worker, outbox sender, HTTP requests) wait
    // for the lock instead of failing with SQLITE_BUSY (SqliteLockWait); foreign keys are off by default in SQLite.
    // synchronous=NORMAL in WAL mode syncs at checkpoints, not at every commit: a commit survives the process crashing
    // (what the inbox promises when it acknowledges), and only a power loss or an OS crash can undo the last ones.
    private const string SqlitePragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    /// <summary>
    /// The SQLite handles already given the busy handler and the pragmas. Microsoft.Data.Sqlite pools the handle behind
    /// a <see cref="SqliteConnection"/> and hands the same one out again, with its settings: setting them once per
    /// handle, not per open, spares three statements compiled and run on every open (about eight opens per slash
    /// command in a storm).
    /// </summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> ConfiguredHandles = new();

    private readonly string connectionString;
    private readonly NpgsqlDataSource? postgres;

    public Database(IOptions<StorageOptions> options)
    {
        var storage = options.Value;
        Provider = storage.ParsedProvider;
        connectionString = storage.ConnectionStringToOpen;
        if (Provider == StorageProvider.Postgres)
        {
            // Bounded and with its statements prepared, unless the connection string says otherwise.
            postgres = NpgsqlDataSource.Create(connectionString);
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            Target = $"PostgreSQL database '{builder.Database}' on {builder.Host}";
        }
        else
        {
            var file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            Target = $"SQLite file {file}";
        }
    }

    public StorageProvider Provider { get; }

    /// <summary>Where the data lives, for logs and health checks: never the password.</summary>
    public string Target { get; }

    public async Task<DbConnection> Open(CancellationToken ct)
    {
        if (postgres is not null)
        {
            return await postgres.OpenConnectionAsync(ct);
        }

        return await OpenSqlite(connectionString, ct);
    }

    /// <summary>
    /// A SQLite connection that is closed for good when disposed, not pooled: for a connection given settings of its
    /// own (<see cref="Delivery.SqliteInboxWriter"/> turns checkpoints off), which the next to open must not inherit.
    /// </summary>
    public Task<SqliteConnection> OpenUnpooledSqlite(CancellationToken ct) =>
        OpenSqlite(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString(), ct);

    private static async Task<SqliteConnection> OpenSqlite(string connectionString, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (!ConfiguredHandles.TryGetValue(connection.Handle!, out _))
            {
                SqliteLockWait.Install(connection);
                await using var pragmas = connection.CreateCommand();
                pragmas.CommandText = SqlitePragmas;
                await pragmas.ExecuteNonQueryAsync(ct);
                ConfiguredHandles.AddOrUpdate(connection.Handle!, new object());
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }
}
