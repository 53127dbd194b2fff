using IncidentBot.Core.Registry;
using IncidentBot.Hosting;

namespace IncidentBot.Registry;

internal static class RegistryExtensions
{
    /// <summary>The expertise registry file: checked at start-up (a bad file stops it), reloaded when it changes.</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RegistryOptions>(configuration, RegistryOptions.Section, RegistryOptions.Validate);
        services.AddSingleton<RegistryFile>();
        services.AddSingleton<IRegistrySource>(provider => provider.GetRequiredService<RegistryFile>());
        services.AddHostedService(provider => provider.GetRequiredService<RegistryFile>());
        return services;
    }
}
