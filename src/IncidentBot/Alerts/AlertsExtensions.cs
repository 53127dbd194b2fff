using IncidentBot.Core.Alerts;
using IncidentBot.Delivery;
using IncidentBot.Hosting;
using IncidentBot.Slack;
using IncidentBot.Teams;

namespace IncidentBot.Alerts;

internal static class AlertsExtensions
{
    /// <summary>
    /// Alert intake: options and rules always (so bad ones stop start-up), the core's alert handling only when a chat
    /// platform has an incident channel for the incidents alerts open.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        var destination = Destination(configuration);
        services.AddValidatedOptions<AlertOptions>(configuration, AlertOptions.Section, o => AlertOptions.Validate(o, destination));
        services.AddSingleton<AlertIntakeGate>();
        services.AddSingleton<AlertRulesFile>();
        services.AddSingleton<IAlertRulesSource>(provider => provider.GetRequiredService<AlertRulesFile>());
        services.AddHostedService(provider => provider.GetRequiredService<AlertRulesFile>());
        if (destination is not null)
        {
            services.AddSingleton(destination);
            services.AddSingleton<ReceiveAlert>();
            services.AddSingleton<IInboxHandler, AlertInboxHandler>();
        }

        return services;
    }

    /// <summary>Slack's incident channel when Slack is on and has one, else Teams'.</summary>
    private static AlertDestination? Destination(IConfiguration configuration)
    {
        if (SlackOptions.Read(configuration) is { IsEnabled: true, IncidentChannel: { Length: > 0 } slack })
        {
            return new AlertDestination(SlackChatPlatform.PlatformName, slack);
        }

        return TeamsOptions.Read(configuration) is { IsEnabled: true, IncidentChannel: { Length: > 0 } teams }
            ? new AlertDestination(TeamsChatPlatform.PlatformName, teams)
            : null;
    }
}
