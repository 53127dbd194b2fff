namespace IncidentBot.Persistence;

/// <summary>
/// Section <c>Storage</c>, plus <c>ConnectionStrings:IncidentBot</c> because that is where hosting tools
/// (and people used to ASP.NET Core) look for a connection string.
/// </summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string ConnectionStringName = "IncidentBot";
    public const string DefaultSqliteConnectionString = "Data Source=data/incidentbot.db";

    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    /// <summary>Null when unset: SQLite then uses <see cref="DefaultSqliteConnectionString"/>, PostgreSQL refuses to start.</summary>
    public string? ConnectionString { get; set; }

    public StorageProvider ParsedProvider => TryParseProvider(Provider, out var provider)
        ? provider
        : throw new InvalidOperationException(StorageOptionsValidator.ProviderError(Provider));

    /// <summary>
    /// True only for a provider that parses as Postgres: one that does not parse is treated as SQLite here, because
    /// Scheduling reads these before the start-up validation refuses the provider, naming it.
    /// </summary>
    public bool IsPostgres => TryParseProvider(Provider, out var provider) && provider == StorageProvider.Postgres;

    public string EffectiveConnectionString => string.IsNullOrWhiteSpace(ConnectionString) && !IsPostgres
        ? DefaultSqliteConnectionString
        : ConnectionString ?? string.Empty;

    /// <summary>
    /// What the bot and its scheduler open: <see cref="EffectiveConnectionString"/>, on PostgreSQL with the bot's pool
    /// defaults for what it does not set (<see cref="PostgresConnectionDefaults"/>).
    /// </summary>
    public string ConnectionStringToOpen => IsPostgres ? PostgresConnectionDefaults.Apply(EffectiveConnectionString) : EffectiveConnectionString;

    /// <summary>
    /// Not Bind(): only these two keys are meant, and the connection string lives outside the section. Shared with
    /// Scheduling, whose Quartz store must be configured before the options are resolved, so both read the same keys.
    /// </summary>
    public void ReadFrom(IConfiguration configuration)
    {
        Provider = configuration[$"{Section}:{nameof(Provider)}"] ?? Provider;
        ConnectionString = configuration.GetConnectionString(ConnectionStringName);
    }

    /// <summary>The two keys as configured, for what must know the store before the options are resolved.</summary>
    public static StorageOptions From(IConfiguration configuration)
    {
        var storage = new StorageOptions();
        storage.ReadFrom(configuration);
        return storage;
    }

    public static bool TryParseProvider(string? text, out StorageProvider provider)
    {
        // Enum.TryParse would also accept numbers and "Sqlite,Postgres"; only the two names are meant.
        provider = default;
        foreach (var candidate in Enum.GetValues<StorageProvider>())
        {
            if (string.Equals(text?.Trim(), candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                provider = candidate;
                return true;
            }
        }

        return false;
    }
}

internal enum StorageProvider
{
    Sqlite,
    Postgres,
}
