namespace IncidentBot.Hosting;

internal static class HealthEndpoints
{
    /// <summary>Liveness: the process answers. Container and Kubernetes probes use this path.</summary>
    public const string LivenessPath = "/healthz";

    /// <summary>Readiness: the database is reachable and fully migrated.</summary>
    public const string ReadinessPath = "/readyz";

    /// <summary>The tag the persistence feature gives its database check.</summary>
    private const string Ready = "ready";

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivenessPath, new() { Predicate = _ => false });
        app.MapHealthChecks(ReadinessPath, new() { Predicate = check => check.Tags.Contains(Ready) });
    }
}
