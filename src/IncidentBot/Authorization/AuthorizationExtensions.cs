using IncidentBot.Core.Authorization;
using IncidentBot.Core.Registry;
using IncidentBot.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentBot.Authorization;

internal static partial class AuthorizationExtensions
{
    /// <summary>Who may do what: the rules (validated at start-up), the check the core runs, and the mention neutraliser.</summary>
    public static IServiceCollection AddPermissions(this IServiceCollection services, IConfiguration configuration)
    {
        // Checked against the registry read at start-up, so a misspelt id or role stops the bot before an incident needs it.
        services.AddValidatedOptions<AuthorizationOptions>(
            options => AuthorizationOptions.Read(options, configuration),
            (provider, options) => AuthorizationRules.Build(options.Acts, provider.GetRequiredService<IRegistrySource>().Current).Errors);
        services.AddSingleton(provider => AuthorizationRules.Build(
            provider.GetRequiredService<IOptions<AuthorizationOptions>>().Value.Acts,
            provider.GetRequiredService<IRegistrySource>().Current).Rules!);
        services.AddSingleton<IRefusalLog, RefusalLog>();
        services.AddHostedService<NoRegistryNotice>();
        return services;
    }

    /// <summary>Says once, at start-up, that without a registry the declarer and the owner stand in for its roles.</summary>
    private sealed partial class NoRegistryNotice(IRegistrySource registry, AuthorizationRules rules, ILogger<NoRegistryNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var acts = Acts.Defaults.Keys.Where(act => rules[act].Roles.Any(Roles.NeedsRegistry)).ToList();
            if (registry.Current.IsEmpty && acts.Count > 0)
            {
                LogNoRegistry(logger, string.Join(", ", acts));
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "There is no expertise registry, so nobody is a decider, has production access or is paged: for {Acts} the incident's declarer and owner hold those roles")]
        private static partial void LogNoRegistry(ILogger logger, string acts);
    }
}
