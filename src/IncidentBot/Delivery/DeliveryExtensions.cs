using IncidentBot.Hosting;
using IncidentBot.Telemetry;

namespace IncidentBot.Delivery;

internal static class DeliveryExtensions
{
    /// <summary>The workers behind the durable inbox (inbound requests) and outbox (outbound messages).</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DeliveryOptions>(configuration, DeliveryOptions.Section, DeliveryOptions.Validate);
        services.AddBotMetrics();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<OutboxSignal>();
        services.AddHostedService<InboxWorker>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
