using IncidentBot.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IncidentBot.Telemetry;

internal static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>The bot's counters; each feature that counts something adds them (once, whoever asks first).</summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        return services;
    }

    /// <summary>
    /// OpenTelemetry: metrics of inbound requests, the inbox and outbox work and outbound HTTP calls, plus the queue
    /// gauges, always scrapeable at <c>/metrics</c>. When <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, traces of the same
    /// too, and both are pushed over OTLP (the SDK reads the other <c>OTEL_*</c> variables itself).
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<QueueGauges>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: "incidentbot"))
            .WithMetrics(metrics => metrics
                .AddMeter(BotMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Spans only when something receives them: recorded for no exporter, they cost every request its share of
            // the acknowledgement path in a storm.
            telemetry.WithTracing(tracing => tracing
                .AddSource(BotTraces.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary><c>GET /metrics</c> in the Prometheus text format, behind the same access rule as the API.</summary>
    public static void MapMetrics(this WebApplication app)
    {
        app.UseAckLatency();
        var access = app.Services.GetRequiredService<ApiAccess>();
        // The exporter's endpoint is a middleware branch, not a route handler, so endpoint filters do not apply to it:
        // the API's filter runs here in front of it, and its refusal (401, 403) is the answer.
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, branch => branch.Use(async (context, next) =>
        {
            var verdict = await access.InvokeAsync(new DefaultEndpointFilterInvocationContext(context), _ => ValueTask.FromResult<object?>(Results.Empty));
            if (verdict is IResult refusal and not EmptyHttpResult)
            {
                await refusal.ExecuteAsync(context);
                return;
            }

            await next(context);
        }), optionsName: null);
    }
}
