using System.Collections.Concurrent;

namespace IncidentBot.Delivery;

/// <summary>
/// Wakes polling workers as soon as there is work, instead of at their next poll. Every subscriber is woken (the
/// outbox keeps one signal per destination, see <see cref="OutboxSignal"/>). Polling stays, because another instance,
/// or this one before a restart, may have stored the work.
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

        // 1 from the wake-up that released the semaphore until a wait takes it: later wake-ups are folded into that
        // one without touching the semaphore. Releasing it again would throw SemaphoreFullException, and in a storm,
        // with the worker busy, that was one exception per stored request.
        private int pending;

        public void Notify()
        {
            if (Interlocked.Exchange(ref pending, 1) == 0)
            {
                signal.Release();
            }
        }

        public async Task Wait(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
        {
            // Already woken (the usual case while work keeps coming): no timer to set up.
            if (signal.Wait(0, CancellationToken.None))
            {
                Taken();
                return;
            }

            using var timer = new CancellationTokenSource(timeout, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
            try
            {
                await signal.WaitAsync(linked.Token);
                Taken();
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // Timed out: time to poll.
            }
        }

        // A wake-up that comes between taking the semaphore and this line is folded into the one just taken: the
        // subscriber looks for work after its wait returns, and that work was stored before the wake-up was sent. A full
        // fence (not a volatile write), so that looking for work cannot be read ahead of it.
        private void Taken() => Interlocked.Exchange(ref pending, 0);

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

/// <summary>
/// Signalled when a message is queued in the outbox, or a send ends (the next message of its thread may go now). Only
/// the sender of the message's destination is woken: a Slack post woke all six senders before, and each of the five
/// others then claimed nothing and asked when its next message was due, two queries per sender per post.
/// </summary>
internal sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<string, DestinationSignal> destinations = new(StringComparer.Ordinal);

    /// <summary><paramref name="platform"/>: the <see cref="OutboxDraft.Platform"/> of the message queued or sent.</summary>
    public void Notify(string platform) => For(platform).Notify();

    public WorkSignal.Waiter Subscribe(string platform) => For(platform).Subscribe();

    private DestinationSignal For(string platform) => destinations.GetOrAdd(platform, _ => new DestinationSignal());

    private sealed class DestinationSignal : WorkSignal;
}
