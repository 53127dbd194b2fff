using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentBot.Slack.SocketMode;

/// <summary>How many Socket Mode connections have said hello and are still open; written by the client, read by <c>/readyz</c>.</summary>
internal sealed class SocketModeStatus
{
    private int ready;

    public int ReadyConnections => Volatile.Read(ref ready);

    public void Set(int readyConnections) => Volatile.Write(ref ready, readyConnections);
}

/// <summary>Readiness in Socket Mode: without a connection, Slack cannot reach the bot at all.</summary>
internal sealed class SocketModeHealthCheck(SocketModeStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.ReadyConnections > 0
            ? HealthCheckResult.Healthy($"Slack Socket Mode: {status.ReadyConnections} connection(s) up.")
            : new HealthCheckResult(context.Registration.FailureStatus, "Slack Socket Mode: no connection up; reconnecting."));
}
