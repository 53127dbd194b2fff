using Microsoft.Data.Sqlite;
using Npgsql;

namespace IncidentBot.Persistence;

/// <summary>A bad connection string fails at start-up, not at the first incident.</summary>
internal static class StorageOptionsValidator
{
    private const string Key = "ConnectionStrings:" + StorageOptions.ConnectionStringName;

    public static string ProviderError(string? provider) =>
        $"Storage:Provider must be Sqlite or Postgres, was '{provider}'.";

    public static IReadOnlyList<string> Errors(StorageOptions options)
    {
        if (!StorageOptions.TryParseProvider(options.Provider, out var provider))
        {
            return [ProviderError(options.Provider)];
        }

        if (provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return [$"{Key} must be set when Storage:Provider is Postgres."];
        }

        try
        {
            return provider == StorageProvider.Sqlite
                ? SqliteErrors(new SqliteConnectionStringBuilder(options.EffectiveConnectionString))
                : PostgresErrors(new NpgsqlConnectionStringBuilder(options.EffectiveConnectionString));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            // The parsers' messages name the bad keyword or position, never a value, so no password leaks.
            return [$"{Key} is not a valid {provider} connection string: {ex.Message}"];
        }
    }

    private static IReadOnlyList<string> SqliteErrors(SqliteConnectionStringBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            return [$"{Key} must name the SQLite data file (Data Source=data/incidentbot.db), was empty."];
        }

        if (builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return [$"{Key} is an in-memory SQLite database ('{builder.DataSource}'), which is not supported: " +
                "every connection would get its own empty database. Use a file, e.g. Data Source=data/incidentbot.db."];
        }

        return [];
    }

    private static IReadOnlyList<string> PostgresErrors(NpgsqlConnectionStringBuilder builder) =>
        string.IsNullOrWhiteSpace(builder.Host)
            ? [$"{Key} must name the PostgreSQL server (Host=...) when Storage:Provider is Postgres."]
            : [.. PostgresConnectionDefaults.Errors(Key, builder)];
}
