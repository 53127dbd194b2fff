using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Delivery;
using IncidentBot.Hosting;
using IncidentBot.Persistence;
using Microsoft.Extensions.Options;

namespace IncidentBot.Paging;

internal static class PagingExtensions
{
    /// <summary>Paging and escalation (core), their state in the database, and PagerDuty for areas that use it.</summary>
    public static IServiceCollection AddPaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PagingOptions>(configuration, PagingOptions.Section, PagingOptions.Validate);
        services.AddSingleton(provider => new PagingPolicy(provider.GetRequiredService<IOptions<PagingOptions>>().Value.AckTimeout));
        services.AddSingleton<IPagingStore, SqlPagingStore>();
        services.AddSingleton<IncidentLookup>();
        services.AddSingleton<Roster>();
        services.AddSingleton<PageOwners>();
        services.AddSingleton<AreaOnDeclare>();
        services.AddSingleton<Ownership>();
        services.AddSingleton<DeclinePage>();
        services.AddSingleton<ProductionAccess>();
        services.AddSingleton<AskDeciders>();
        services.AddSingleton<IReminderKind>(provider => provider.GetRequiredService<AskDeciders>());
        services.AddSingleton<IReminderKind>(provider => provider.GetRequiredService<ProductionAccess>());
        services.AddSingleton<PeopleCommands>();
        services.AddSingleton<IncidentButtons>();
        services.AddSingleton<ResolveIncident>();
        services.AddSingleton<IncidentForms>();
        services.AddSingleton<FormSubmissions>();
        services.AddSingleton<IReminderKind, EscalationReminder>();
        services.AddSingleton<IExternalPager, PagerDutyPager>();
        services.AddHttpClient<PagerDutyDeliverer>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<IOutboxDeliverer>(provider => provider.GetRequiredService<PagerDutyDeliverer>());
        return services;
    }
}
