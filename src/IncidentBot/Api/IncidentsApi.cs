using IncidentBot.Core.Incidents;
using IncidentBot.Hosting;

namespace IncidentBot.Api;

internal static class IncidentsApi
{
    public static IServiceCollection AddIncidentsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ApiOptions>(configuration, ApiOptions.Section, ApiOptions.Validate);
        services.AddSingleton<ApiAccess>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary><c>GET /api/incidents</c> (newest first) and <c>GET /api/incidents/{id}</c> with its timeline.</summary>
    public static void MapIncidentsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/incidents").AddEndpointFilter<ApiAccess>();
        api.MapGet("/", async (IIncidentStore store, CancellationToken ct) =>
            (await store.List(openOnly: false, ct)).Select(i => IncidentJson.From(i)));
        api.MapGet("/{id}", async (string id, IIncidentStore store, CancellationToken ct) =>
        {
            if (!IncidentId.TryParse(id, out var number))
            {
                return Results.Problem($"'{id}' is not an incident id: use INC-<n> or <n>.", statusCode: StatusCodes.Status400BadRequest);
            }

            return await store.Find(number, ct) is { } incident
                ? Results.Ok(IncidentJson.From(incident, await store.Timeline(number, ct)))
                : Results.Problem($"There is no incident {IncidentId.Format(number)}.", statusCode: StatusCodes.Status404NotFound);
        });
    }
}
