using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Delivery;
using IncidentBot.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentBot.Teams;

internal static partial class TeamsExtensions
{
    /// <summary>Teams over the Bot Framework: validated options always; the endpoint, adapter and clients only when switched on.</summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TeamsOptions>(
            options => configuration.GetSection(TeamsOptions.Section).Bind(options),
            (provider, options) => TeamsOptionsValidator.Errors(options, provider.GetRequiredService<IHostEnvironment>().EnvironmentName));
        var teams = TeamsOptions.Read(configuration);
        if (!teams.IsEnabled)
        {
            return services;
        }

        services.AddHttpClient(nameof(BotFrameworkTokenValidator), http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<BotFrameworkTokenValidator>();
        services.AddSingleton<IBotTokenSource>(provider => provider.GetRequiredService<IOptions<TeamsOptions>>().Value.AllowUnauthenticated
            ? new NoBotToken()
            : new MsalBotTokenSource(provider.GetRequiredService<IOptions<TeamsOptions>>()));
        services.AddHttpClient<ConnectorClient>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<TeamsReferences>();
        services.AddSingleton<TeamsNames>();
        services.AddSingleton<TeamsConversationTargets>();
        services.AddSingleton<TeamsChatPlatform>();
        services.AddSingleton<IChatPlatform>(provider => provider.GetRequiredService<TeamsChatPlatform>());
        services.AddSingleton<IPeopleDirectory, TeamsPeopleDirectory>();
        services.AddSingleton<IInboxHandler, TeamsInboxHandler>();
        services.AddSingleton<IOutboxDeliverer, TeamsDeliverer>();
        return services;
    }

    /// <summary>Says at start-up whether Teams is on, and warns loudly when it accepts activities without a token.</summary>
    public static void LogTeamsState(this WebApplication app)
    {
        var options = TeamsOptions.Read(app.Configuration);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsExtensions));
        if (!options.IsEnabled)
        {
            LogOff(logger);
        }
        else if (options.AllowUnauthenticated)
        {
            LogUnauthenticated(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams is off: set Teams:AppId and Teams:AppPassword (environment Teams__AppId, Teams__AppPassword) to turn it on; /api/messages answers 404 until then")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams:AllowUnauthenticated is on (Development only): /api/messages accepts activities WITHOUT checking any token, and the Bot Connector is called without one. Never expose this instance.")]
    private static partial void LogUnauthenticated(ILogger logger);
}
