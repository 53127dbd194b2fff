namespace IncidentBot.Hosting;

internal static class HealthEndpoints
{
    /// <summary>The tag the persistence feature gives its database check.</summary>
    private const string Ready = "ready";

    /// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: and its database is reachable and migrated.</summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(Ready) });
    }
}
