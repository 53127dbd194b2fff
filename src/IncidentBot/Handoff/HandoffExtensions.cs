using IncidentBot.Core.Handoff;
using IncidentBot.Core.Reminders;
using IncidentBot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Handoff;

internal static class HandoffExtensions
{
    /// <summary>End-of-day handoffs: the owner's schedule (a kind of reminder), the handoff itself and its acceptance.</summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<HandoffOptions>(configuration, HandoffOptions.Section, HandoffOptions.Validate);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<HandoffOptions>>().Value.ToPolicy());
        // A platform that knows people's time zones (Slack) registers its own; this one is for the rest.
        services.TryAddSingleton<IPersonTimeZones, NoPersonTimeZones>();
        services.AddSingleton<OwnerHours>();
        services.AddSingleton<HandoffEscalation>();
        services.AddSingleton<HandoffSchedule>();
        services.AddSingleton<IReminderKind>(provider => provider.GetRequiredService<HandoffSchedule>());
        services.AddSingleton<HandOff>();
        return services;
    }
}
