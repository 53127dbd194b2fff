using Dapper;
using Npgsql;

namespace Storm;

/// <summary>A fresh database per store and run: a SQLite file in a temporary folder, or a new PostgreSQL database.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? folder;
    private readonly string? postgresName;

    private BenchDatabase(string provider, string connectionString, string? folder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.folder = folder;
        this.postgresName = postgresName;
    }

    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable("INCIDENTBOT_BENCH_POSTGRES") is { Length: > 0 } bench ? bench
        : Environment.GetEnvironmentVariable("INCIDENTBOT_TEST_POSTGRES") is { Length: > 0 } test ? test : null;

    public string Provider { get; }

    public string ConnectionString { get; }

    public static BenchDatabase Create(string provider)
    {
        if (provider == "sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("storm-").FullName;
            return new BenchDatabase(provider, $"Data Source={Path.Combine(folder, "incidentbot.db")}", folder, null);
        }

        var name = "storm_" + Guid.NewGuid().ToString("N")[..8];
        using (var server = new NpgsqlConnection(PostgresServer))
        {
            server.Open();
            server.Execute($"CREATE DATABASE {name}");
        }

        return new BenchDatabase(provider, new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString, null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }

        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(PostgresServer);
            await server.OpenAsync();
            await server.ExecuteAsync($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)");
        }
    }
}
