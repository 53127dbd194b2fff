using IncidentBot.Persistence;

namespace IncidentBot.Hosting;

internal static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);
        return services;
    }

    /// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: and its database is reachable and migrated.</summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(Ready) });
    }
}
