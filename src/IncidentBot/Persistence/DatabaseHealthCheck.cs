using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentBot.Persistence;

/// <summary>Readiness: the database answers and carries every migration this build knows.</summary>
internal sealed class DatabaseHealthCheck(Database database, Migrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await migrator.IsUpToDate(cancellationToken)
                ? HealthCheckResult.Healthy($"{database.Target} is reachable and migrated.")
                : new HealthCheckResult(context.Registration.FailureStatus, $"{database.Target} does not have this build's schema: migrations missing, or applied by a newer build.");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException or IOException)
        {
            // Only the target (never the connection string, which may hold a password) and the exception type go
            // into the description, which /readyz may show to anyone who can reach it.
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"{database.Target} is unreachable ({ex.GetType().Name}).",
                ex);
        }
    }
}
