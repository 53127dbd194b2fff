using IncidentBot.Core.Runbook;
using IncidentBot.Delivery;
using IncidentBot.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentBot.Runbook;

internal static class RunbookExtensions
{
    /// <summary>Rollback first, the runbook checklist, the nudges, and the reminder dispatcher they share with paging.</summary>
    public static IServiceCollection AddRunbook(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RunbookOptions>(configuration, RunbookOptions.Section, RunbookOptions.Validate);
        services.AddValidatedOptions<RollbackOptions>(configuration, RollbackOptions.Section, RollbackOptions.Validate);
        services.AddValidatedOptions<NudgeOptions>(configuration, NudgeOptions.Section, NudgeOptions.Validate);
        services.AddSingleton<RunbookFile>();
        services.AddSingleton<IRunbookSource>(provider => provider.GetRequiredService<RunbookFile>());
        services.AddHostedService(provider => provider.GetRequiredService<RunbookFile>());
        services.AddSingleton(provider =>
        {
            var nudge = provider.GetRequiredService<IOptions<NudgeOptions>>().Value;
            return new NudgePolicy(nudge.FirstStatusUpdate, nudge.QuietThread, nudge.Cadence);
        });
        services.AddSingleton<IRollbackTrigger, RollbackWebhook>();
        services.AddHttpClient<RollbackWebhookDeliverer>((provider, http) =>
            http.Timeout = provider.GetRequiredService<IOptions<RollbackOptions>>().Value.WebhookTimeout);
        services.AddSingleton<IOutboxDeliverer>(provider => provider.GetRequiredService<RollbackWebhookDeliverer>());
        return services;
    }
}
