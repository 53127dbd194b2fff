using IncidentBot.Authorization;
using IncidentBot.Core;
using IncidentBot.Delivery;
using IncidentBot.Handoff;
using IncidentBot.Paging;
using IncidentBot.Persistence;
using IncidentBot.Registry;
using IncidentBot.Runbook;
using IncidentBot.Scheduling;
using IncidentBot.Status;

namespace IncidentBot.Hosting;

internal static class IncidentHandlingExtensions
{
    /// <summary>
    /// Everything that handles incidents, whatever the chat platform: the server and the terminal mode both start
    /// from here, so a feature added for one cannot be missing from the other.
    /// </summary>
    public static IServiceCollection AddIncidentHandling(this IServiceCollection services, IConfiguration configuration)
    {
        // Storage (SQLite by default, PostgreSQL in production); migrations run before any worker starts.
        services.AddPersistence(configuration);

        // The incident core, and the durable inbox and outbox workers that connect it to the chat platforms.
        services.AddIncidentCore();
        services.AddDelivery(configuration);

        // Who owns what (the registry file), paging and escalation, and the persistent scheduler behind the escalations.
        services.AddRegistry(configuration);

        // Who may do what, checked by the core for every command, button and form (guests may only reply in threads).
        services.AddPermissions(configuration);
        services.AddPaging(configuration);
        services.AddScheduling(configuration);

        // End-of-day handoffs: nag the owner before their working day ends, record the handoff, escalate when nobody takes over.
        services.AddHandoff(configuration);

        // Rollback first, the runbook checklist and the nudges that keep the thread and the status page current.
        services.AddRunbook(configuration);

        // Status updates: the public status page, the stakeholder channels and, when configured, Atlassian Statuspage.
        return services.AddStatus(configuration);
    }
}
