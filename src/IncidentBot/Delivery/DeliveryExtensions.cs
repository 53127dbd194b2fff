using IncidentBot.Hosting;
using IncidentBot.Persistence;
using IncidentBot.Telemetry;
using Microsoft.Extensions.Options;

namespace IncidentBot.Delivery;

internal static class DeliveryExtensions
{
    /// <summary>
    /// The durable inbox (inbound requests) and outbox (outbound messages), their workers, and this run's heartbeat,
    /// which the workers' claims name (so it starts first).
    /// </summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DeliveryOptions>(configuration, DeliveryOptions.Section, DeliveryOptions.Validate);
        services.AddSingleton(provider => DeliveryRun.Create(
            provider.GetRequiredService<IOptions<DeliveryOptions>>(), configuration));
        services.AddSingleton<DeliveryRuns>();
        services.AddSingleton(provider => new Inbox(
            provider.GetRequiredService<Database>(),
            provider.GetRequiredService<DeliveryRuns>(),
            provider.GetRequiredService<DeliveryRun>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<DeliveryOptions>>().Value.MaxWaitingAcks,
            provider.GetRequiredService<IOptions<DeliveryOptions>>().Value.MaxAckWait));
        services.AddSingleton<Outbox>();
        services.AddSingleton<DeliveryResults>();
        services.AddBotMetrics();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxHandOff>();
        services.AddHostedService<RunHeartbeat>();
        services.AddSingleton<InboxItemHandling>();
        services.AddSingleton<InboxBatchProcessing>();
        services.AddHostedService<InboxWorker>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
