using IncidentBot.Persistence;
using Microsoft.Extensions.Options;

namespace IncidentBot.Delivery;

/// <summary>
/// Registers this run before any worker claims anything, then renews its heartbeat. While the database is
/// unreachable the beats fail and are logged; the process stays up and beats again when it comes back.
/// </summary>
internal sealed partial class RunHeartbeat(
    DeliveryRuns runs, DeliveryRun run, IOptions<DeliveryOptions> options, TimeProvider clock, ILogger<RunHeartbeat> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // At start-up the database must answer (migrations just ran): failing here is a fatal start-up error.
        await runs.Register(cancellationToken);
        LogRegistered(run.InstanceId, run.RunId);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.HeartbeatInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval, clock, stoppingToken);
            try
            {
                if (!await runs.Beat(stoppingToken))
                {
                    LogRowMissing(run.InstanceId);
                }
            }
            catch (Exception e) when (DatabaseFaults.IsTransient(e) && !stoppingToken.IsCancellationRequested)
            {
                LogBeatFailed(e.GetType().Name, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery instance {InstanceId} started run {RunId}")]
    private partial void LogRegistered(string instanceId, string runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "This run's heartbeat row was gone: another process started with Delivery:InstanceId '{InstanceId}' (each instance needs its own id), or the database was restored")]
    private partial void LogRowMissing(string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat not recorded, the database is unreachable ({Type}: {Error}); other instances take this one's claims if it lasts")]
    private partial void LogBeatFailed(string type, string error);
}
