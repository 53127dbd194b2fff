using IncidentBot.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IncidentBot.Tests.Persistence;

/// <summary>
/// A fresh, empty database for one test: a temporary SQLite file, or a new PostgreSQL database on the server named by
/// <c>INCIDENTBOT_TEST_POSTGRES</c> (tests on PostgreSQL are ignored while it is unset). Dispose drops it.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "INCIDENTBOT_TEST_POSTGRES";

    private static readonly string[] SqliteFileSuffixes = ["", "-wal", "-shm"];

    private readonly Action drop;

    private TestDatabase(StorageProvider provider, string connectionString, Action drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.drop = drop;
    }

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Configuration entries that point the real host at this database.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = Provider.ToString(),
        ["ConnectionStrings:IncidentBot"] = ConnectionString,
    };

    public StorageOptions StorageOptions => new() { Provider = Provider.ToString(), ConnectionString = ConnectionString };

    public static TestDatabase Create(StorageProvider provider) =>
        provider == StorageProvider.Sqlite ? CreateSqlite() : CreatePostgres();

    /// <summary>A <see cref="IncidentBot.Persistence.Database"/> over it; the caller disposes it before this.</summary>
    public Database Connect() => new(Options.Create(StorageOptions));

    public void Dispose() => drop();

    private static TestDatabase CreateSqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), "incidentbot-tests", $"{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        return new TestDatabase(StorageProvider.Sqlite, connectionString, () =>
        {
            // Pooled connections keep the file open, and the WAL files outlive it unless removed too.
            using (var connection = new SqliteConnection(connectionString))
            {
                SqliteConnection.ClearPool(connection);
            }

            foreach (var suffix in SqliteFileSuffixes)
            {
                File.Delete(file + suffix);
            }
        });
    }

    private static TestDatabase CreatePostgres()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Ignore($"PostgreSQL tests need {PostgresVariable} (set by .ci/run)");
        }

        var name = $"incidentbot_test_{Guid.NewGuid():N}";
        Admin(server, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new TestDatabase(StorageProvider.Postgres, connectionString, () =>
        {
            // FORCE: a test that failed midway may leave connections behind.
            Admin(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    private static void Admin(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
