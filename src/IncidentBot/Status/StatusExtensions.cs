using IncidentBot.Core.Status;
using IncidentBot.Delivery;
using IncidentBot.Hosting;

namespace IncidentBot.Status;

internal static class StatusExtensions
{
    /// <summary>
    /// Status updates (core), their store, the stakeholder channels, and Atlassian Statuspage when its page id and API
    /// key are set.
    /// </summary>
    public static IServiceCollection AddStatus(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<NotifyOptions>(configuration, NotifyOptions.Section, NotifyOptions.Validate);
        services.AddValidatedOptions<StatuspageOptions>(configuration, StatuspageOptions.Section, StatuspageOptions.Validate);
        services.AddSingleton<SqlStatusStore>();
        services.AddSingleton<IStatusStore>(provider => provider.GetRequiredService<SqlStatusStore>());
        services.AddSingleton<StatusBoard>();
        services.AddSingleton<IStatusPublisher>(provider => provider.GetRequiredService<StatusBoard>());
        services.AddSingleton<IStatusPublisher, StakeholderChannels>();
        services.AddSingleton<IStatusPublisher, StatusWebhooks>();
        services.AddHttpClient<StatusWebhookDeliverer>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<IOutboxDeliverer>(provider => provider.GetRequiredService<StatusWebhookDeliverer>());
        if (!StatuspageOptions.Read(configuration).IsEnabled)
        {
            return services;
        }

        services.AddSingleton<IStatusPublisher, AtlassianStatuspage>();
        services.AddHttpClient<StatuspageDeliverer>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<IOutboxDeliverer>(provider => provider.GetRequiredService<StatuspageDeliverer>());
        return services;
    }

    /// <summary>
    /// <c>GET /status</c> (HTML) and <c>GET /status.json</c>: public, without authentication, so they show public
    /// updates and public titles only. Cached for a few seconds (<see cref="StatusBoard.CacheFor"/>), here and by
    /// whoever fetches them: short enough that an update shows almost at once, long enough that a crowd costs little.
    /// </summary>
    public static void MapStatusPage(this WebApplication app)
    {
        var maxAge = $"public, max-age={(int)StatusBoard.CacheFor.TotalSeconds}";
        var page = app.MapGroup("").AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = maxAge;
            return await next(context);
        });
        page.MapGet("/status", async (StatusBoard board, CancellationToken ct) =>
            Results.Content(StatusPageHtml.Render(await board.Current(ct)), "text/html; charset=utf-8"));
        page.MapGet("/status.json", async (StatusBoard board, CancellationToken ct) => StatusPageJson.Result(await board.Current(ct)));
    }
}
