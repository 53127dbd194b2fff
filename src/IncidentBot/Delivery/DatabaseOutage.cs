using IncidentBot.Persistence;

namespace IncidentBot.Delivery;

/// <summary>
/// One worker loop's view of database trouble: backs off while the database is unreachable (logging the start and
/// the end of the outage, not every try), and keeps trying to record a result that is already true, because losing
/// it would mean doing the work twice.
/// </summary>
internal sealed partial class DatabaseOutage(DeliveryOptions settings, TimeProvider clock, ILogger logger)
{
    private int failures;

    public void Ended()
    {
        var ended = Interlocked.Exchange(ref failures, 0);
        if (ended > 0)
        {
            LogResumed(logger, ended);
        }
    }

    /// <summary>Waits before the next try; an error that is not the database's is logged in full each time.</summary>
    public async Task Wait(string worker, Exception error, CancellationToken ct)
    {
        // Shared by the sends a destination has in flight, hence atomic.
        var failure = Interlocked.Increment(ref failures);
        var delay = Backoff.Delay(failure, settings.BaseBackoff, settings.MaxBackoff);
        if (!DatabaseFaults.IsTransient(error))
        {
            LogUnexpected(logger, worker, delay, error);
        }
        else if (failure == 1)
        {
            LogUnreachable(logger, worker, error.GetType().Name, error.Message);
        }

        await Task.Delay(delay, clock, ct);
    }

    /// <summary>Runs a lease-holder-only update until the database takes it; false from it means the claim was lost.</summary>
    public async Task Persist(Func<Task<bool>> update, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                if (!await update())
                {
                    LogLostClaim(logger);
                }

                Ended();
                return;
            }
            catch (Exception e) when (DatabaseFaults.IsTransient(e) && !ct.IsCancellationRequested)
            {
                await Wait("recording a result", e, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unreachable ({Type}: {Error}); {Worker} backs off and resumes by itself")]
    private static partial void LogUnreachable(ILogger logger, string worker, string type, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database answers again after {Failures} failed tries")]
    private static partial void LogResumed(ILogger logger, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Worker}; trying again in {Delay}")]
    private static partial void LogUnexpected(ILogger logger, string worker, TimeSpan delay, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A result was not recorded: this instance's claim had expired and another instance took the work over")]
    private static partial void LogLostClaim(ILogger logger);
}
