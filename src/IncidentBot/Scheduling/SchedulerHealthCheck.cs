using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentBot.Scheduling;

/// <summary>
/// Readiness: reminders fire only once Quartz has started, which it does beside Kestrel (<see cref="SchedulerStartup"/>),
/// a fraction of a second after Kestrel listens. A probe that comes in that moment waits for it (up to
/// <see cref="Wait"/>, the registration's timeout) and hears "ready", rather than "unhealthy" and an error in the log
/// on every start; a scheduler that takes longer is reported as still starting.
/// </summary>
internal sealed class SchedulerHealthCheck(SchedulerStartup startup) : IHealthCheck
{
    /// <summary>Below the 1 s a Kubernetes probe waits by default.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(900);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await startup.WhenStarted.WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy("The scheduler is running.");
        }
        catch (OperationCanceledException)
        {
            // The registration's timeout, or the probe gave up: either way it has not started yet.
            return new HealthCheckResult(context.Registration.FailureStatus, "The scheduler is still starting.");
        }
    }
}
