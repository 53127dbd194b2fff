namespace IncidentBot.Delivery;

/// <summary>
/// Wakes polling workers as soon as there is work, instead of at their next poll. Every subscriber is woken (one
/// sender per destination listens to the outbox's signal). Polling stays, because another instance, or this one
/// before a restart, may have stored the work.
/// </summary>
internal abstract class WorkSignal
{
    private readonly Lock gate = new();
    private readonly List<Waiter> waiters = [];

    public void Notify()
    {
        lock (gate)
        {
            foreach (var waiter in waiters)
            {
                waiter.Notify();
            }
        }
    }

    /// <summary>A wake-up that arrives while the subscriber is busy is kept until it next waits.</summary>
    public Waiter Subscribe()
    {
        var waiter = new Waiter(this);
        lock (gate)
        {
            waiters.Add(waiter);
        }

        return waiter;
    }

    internal sealed class Waiter(WorkSignal owner) : IDisposable
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

        public void Dispose()
        {
            lock (owner.gate)
            {
                owner.waiters.Remove(this);
            }

            signal.Dispose();
        }
    }
}

/// <summary>Signalled when a request is stored in the inbox.</summary>
internal sealed class InboxSignal : WorkSignal;

/// <summary>Signalled when a message is queued in the outbox.</summary>
internal sealed class OutboxSignal : WorkSignal;
