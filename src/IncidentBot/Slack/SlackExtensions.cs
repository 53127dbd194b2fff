using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Handoff;
using IncidentBot.Delivery;
using IncidentBot.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

internal static partial class SlackExtensions
{
    /// <summary>Slack over HTTP: validated options always; the endpoint, adapter and API client only when switched on.</summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SlackOptions>(configuration, SlackOptions.Section, SlackOptions.Validate);
        if (!SlackOptions.Read(configuration).IsEnabled)
        {
            return services;
        }

        services.AddTransient<SlackBotTokenHandler>();
        services.AddHttpClient<SlackApiClient>((provider, http) =>
        {
            http.BaseAddress = provider.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBase;
            http.Timeout = TimeSpan.FromSeconds(15);
        }).AddHttpMessageHandler<SlackBotTokenHandler>();
        services.AddSingleton<SlackChatPlatform>();
        services.AddSingleton<IChatPlatform>(provider => provider.GetRequiredService<SlackChatPlatform>());
        services.AddSingleton<IInboxHandler, SlackInboxHandler>();
        services.AddSingleton<SlackWorkspace>();
        services.AddHostedService<SlackWorkspaceAtStart>();
        services.AddSingleton<SlackUsers>();
        services.AddSingleton<IPeopleDirectory, SlackPeopleDirectory>();
        services.AddSingleton<IPersonTimeZones, SlackTimeZones>();
        services.AddSingleton<IOutboxDeliverer, SlackDeliverer>();
        return services;
    }

    /// <summary>Says at start-up whether Slack is on, and if not, which settings turn it on.</summary>
    public static void LogSlackState(this WebApplication app)
    {
        var options = SlackOptions.Read(app.Configuration);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackExtensions));
        if (!options.IsEnabled)
        {
            LogOff(logger);
        }
        else if (!string.IsNullOrWhiteSpace(options.AppToken))
        {
            LogSocketModeUnsupported(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack is off: set Slack:SigningSecret and Slack:BotToken (environment Slack__SigningSecret, Slack__BotToken) to turn it on; /slack/events answers 404 until then")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack:AppToken is set, but Socket Mode is not supported yet: Slack is served over HTTP at /slack/events")]
    private static partial void LogSocketModeUnsupported(ILogger logger);
}
