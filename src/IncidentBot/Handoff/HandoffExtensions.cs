using IncidentBot.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentBot.Handoff;

internal static class HandoffExtensions
{
    /// <summary>End-of-day handoffs: the owner's schedule (a kind of reminder), the handoff itself and its acceptance.</summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<HandoffOptions>(configuration, HandoffOptions.Section, HandoffOptions.Validate);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<HandoffOptions>>().Value.ToPolicy());
        return services;
    }
}
