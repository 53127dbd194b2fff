using System.Data.Common;
using IncidentBot.Persistence.SqliteSessions;
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

    private readonly string connectionString;
    private readonly NpgsqlDataSource? postgres;
    private readonly SqliteSessionPool? sqlite;

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
            sqlite = new SqliteSessionPool(connectionString, SetUp);
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

        return new PooledSqliteConnection(sqlite!, await sqlite!.Rent(ct));
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
            await SetUp(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Once per SQLite connection, when it is opened.</summary>
    private static async Task SetUp(SqliteConnection connection, CancellationToken ct)
    {
        SqliteLockWait.Install(connection);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = SqlitePragmas;
        await pragmas.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        sqlite?.Dispose();
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }
}
