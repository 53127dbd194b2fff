using IncidentBot.Core.Actions;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Replies;
using IncidentBot.Hosting;

namespace IncidentBot.Persistence;

internal static class PersistenceExtensions
{
    public const string HealthCheckName = "database";

    /// <summary>The database, its migrations (applied at start-up), the incident store, and 503 while it is unreachable.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StorageOptions>(options => options.ReadFrom(configuration), (_, options) => StorageOptionsValidator.Errors(options));
        services.AddSingleton<Database>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<IIncidentStore, SqlIncidentStore>();
        services.AddSingleton<IIncidentSearch, SqlIncidentSearch>();
        services.AddSingleton<IRelatedIncidents, SqlRelatedIncidents>();
        services.AddSingleton<IPendingReplyChanges, SqlPendingReplyChanges>();
        services.AddSingleton<IActionStore, SqlActionStore>();
        services.AddTransient<IStartupFilter, DatabaseUnavailable.StartupFilter>();

        // First in the list, whatever the order of AddX calls in Program.cs: no hosted service may touch the schema
        // before it exists.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, MigrateOnStart>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(HealthCheckName, tags: ["ready"]);
        return services;
    }
}
