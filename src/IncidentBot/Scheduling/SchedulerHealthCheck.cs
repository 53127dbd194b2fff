using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentBot.Scheduling;

/// <summary>Readiness: reminders fire only once Quartz has started, which it does beside Kestrel (<see cref="SchedulerStartup"/>).</summary>
internal sealed class SchedulerHealthCheck(SchedulerStartup startup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(startup.Started
            ? HealthCheckResult.Healthy("The scheduler is running.")
            : new HealthCheckResult(context.Registration.FailureStatus, "The scheduler is still starting."));
}
