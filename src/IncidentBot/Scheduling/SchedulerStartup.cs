using Quartz;

namespace IncidentBot.Scheduling;

/// <summary>
/// Starts Quartz without holding up the web server. Creating the scheduler (its store's schema check, the recurring
/// jobs, the cluster check-in) takes a few hundred milliseconds of database round trips, a third of the start-up on
/// PostgreSQL. It begins as soon as the migrations are done (<see cref="Persistence.MigrateOnStart"/> is the first
/// lifecycle service, and every StartingAsync runs before any StartAsync) and runs while the other services and
/// Kestrel start; Quartz's own hosted service then starts it once they have. Until then <c>/readyz</c> waits for
/// it briefly, then says the scheduler is starting (<see cref="SchedulerHealthCheck"/>), and a failure still fails the start: the host's
/// StartAsync throws, and the process exits with code 2 as before.
/// </summary>
internal sealed class SchedulerStartup(ISchedulerFactory schedulers, QuartzHostedService quartz) : IHostedLifecycleService
{
    private readonly TaskCompletionSource startedOnce = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<IScheduler>? created;

    /// <summary>Completes once the scheduler is created and started: reminders fire. Never completes if the start fails.</summary>
    public Task WhenStarted => startedOnce.Task;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        created = Task.Run(async () => await schedulers.GetScheduler(cancellationToken), cancellationToken);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        // Awaited first so a failure to create it is reported as it happened, not as Quartz's second attempt.
        await created!.WaitAsync(cancellationToken);
        await quartz.StartAsync(cancellationToken);
        startedOnce.TrySetResult();
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (startedOnce.Task.IsCompleted)
        {
            await quartz.StopAsync(cancellationToken);
        }
        else if (created is not null && await Created(created) is { } orphan)
        {
            // Created but never handed to Quartz's hosted service (the start failed elsewhere): its threads would
            // otherwise outlive the host.
            await orphan.Shutdown(waitForJobsToComplete: false, cancellationToken);
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<IScheduler?> Created(Task<IScheduler> creating)
    {
        try
        {
            return await creating;
        }
        catch (Exception e) when (e is SchedulerException or OperationCanceledException or InvalidOperationException)
        {
            // Already reported by StartedAsync, or the start was cancelled: nothing to shut down.
            return null;
        }
    }
}
