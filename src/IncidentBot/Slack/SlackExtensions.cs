using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Home;
using IncidentBot.Delivery;
using IncidentBot.Hosting;
using IncidentBot.Slack.Home;
using IncidentBot.Slack.SocketMode;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

internal static partial class SlackExtensions
{
    /// <summary>
    /// Slack over HTTP and/or Socket Mode: validated options always; the receiver, adapter and API client only when
    /// switched on; the Socket Mode client only with an app-level token.
    /// </summary>
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
        services.AddSingleton<SlackPostedMessages>();
        services.AddSingleton<IOutboxDeliverer, SlackDeliverer>();
        services.AddSingleton<SlackReceiver>();

        // The App Home tab (published through the outbox), the shortcuts and the forms they open.
        services.AddSingleton<IHomeTabs, SlackHomeTabs>();
        services.AddSingleton<SlackHomePages>();
        services.AddSingleton<SlackPermalinks>();
        services.AddSingleton<SlackSurfaces>();
        if (SlackOptions.Read(configuration).UsesSocketMode)
        {
            services.AddSocketMode(configuration);
        }

        return services;
    }

    private static void AddSocketMode(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SocketModeOptions>(configuration, SocketModeOptions.Section, SocketModeOptions.Validate);
        services.AddHttpClient<ISocketModeUrls, SocketModeUrls>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<SocketEnvelopeHandler>();
        services.AddSingleton<SocketModeStatus>();
        services.AddHostedService<SocketModeClient>();
        services.AddHealthChecks().AddCheck<SocketModeHealthCheck>("slack-socket-mode", tags: ["ready"]);
    }

    /// <summary>Says at start-up whether Slack is on, and if not, which settings turn it on.</summary>
    public static void LogSlackState(this WebApplication app)
    {
        var options = SlackOptions.Read(app.Configuration);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackExtensions));
        if (!options.IsEnabled)
        {
            LogOff(logger);
            return;
        }

        LogOn(logger, options.UsesSocketMode ? "Socket Mode" : "off", options.ServesHttp ? "/slack/events" : "off (no Slack:SigningSecret)");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack is off: set Slack:BotToken with Slack:AppToken (Socket Mode, no public URL) or Slack:SigningSecret (HTTP at /slack/events) to turn it on")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack is on: Socket Mode {SocketMode}; HTTP {Http}")]
    private static partial void LogOn(ILogger logger, string socketMode, string http);
}
