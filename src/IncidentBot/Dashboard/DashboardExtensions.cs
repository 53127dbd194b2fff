using IncidentBot.Dashboard.Access;
using IncidentBot.Dashboard.Html;
using IncidentBot.Dashboard.Incidents;
using IncidentBot.Dashboard.Insights;

namespace IncidentBot.Dashboard;

/// <summary>The web dashboard at <c>/ui</c>: server-rendered pages, signed in only (see README, "Web dashboard").</summary>
internal static class DashboardExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddDashboardAccess(configuration, environment);
        services.AddSingleton<PendingReminders>();
        services.AddSingleton<IncidentPage>();
        return services;
    }

    public static void MapDashboard(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();

        // The stylesheet is the same for everyone and holds no data: the sign-in page needs it before anyone is signed in.
        app.MapGet(Layout.StylesheetPath, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(Layout.Stylesheet, "text/css; charset=utf-8");
        });

        var ui = app.MapGroup("/ui").RequireAuthorization();
        ui.MapGet("/", () => Results.Redirect("/ui/incidents"));
        ui.MapSignIn();
        ui.MapIncidentPages();
        ui.MapIncidentActions();
        ui.MapGet("/insights", InsightsPage.Render);
    }
}
