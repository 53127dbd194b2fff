using IncidentBot.Core.Paging;
using IncidentBot.Core.Registry;
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
        services.AddSingleton<SqlPagingStore>();
        services.AddSingleton<IPagingStore>(provider => provider.GetRequiredService<SqlPagingStore>());
        services.AddSingleton<IAbsences>(provider => provider.GetRequiredService<SqlPagingStore>());
        services.AddSingleton<IExternalPager, PagerDutyPager>();
        services.AddHttpClient<PagerDutyDeliverer>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<IOutboxDeliverer>(provider => provider.GetRequiredService<PagerDutyDeliverer>());
        return services;
    }
}
