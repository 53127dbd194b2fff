namespace IncidentBot.Delivery;

/// <summary>
/// Wakes a polling worker as soon as there is work, instead of at its next poll. Polling stays, because another
/// instance, or this one before a restart, may have stored the work.
/// </summary>
internal abstract class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers any amount of new work.
        }
    }

    public void Dispose() => signal.Dispose();

    public async Task Wait(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Timed out: time to poll.
        }
    }
}

/// <summary>Signalled when a request is stored in the inbox.</summary>
internal sealed class InboxSignal : WorkSignal;

/// <summary>Signalled when a message is queued in the outbox.</summary>
internal sealed class OutboxSignal : WorkSignal;
