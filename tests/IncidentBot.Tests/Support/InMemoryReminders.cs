using System.Collections.Concurrent;
using IncidentBot.Core.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Support;

/// <summary>
/// The reminders port of most host tests: timers of the test's <see cref="TestClock"/>, so a reminder fires when the
/// test advances the clock past it, through the host's own <see cref="IReminderHandler"/>. The Quartz store is tested
/// where it is what matters (restarts, retries, clustering: see <c>Scheduling/</c> and the tests that pass
/// <c>quartz: true</c>). <see cref="Handled"/> lets a test wait until a reminder has run, to assert what it did not do.
/// </summary>
internal sealed class InMemoryReminders(TimeProvider clock, IServiceProvider services) : IReminders, IDisposable
{
    /// <summary>A handler that throws is run again after this much of the clock's time, as Quartz would after a backoff.</summary>
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Pending> pending = new();
    private readonly ConcurrentQueue<Reminder> handled = new();
    private int running;

    /// <summary>The reminders whose handler has run to its end, oldest first.</summary>
    public IReadOnlyList<Reminder> Handled => [.. handled];

    public IReadOnlyList<Reminder> Scheduled => [.. pending.Values.Select(p => p.Reminder)];

    /// <summary>Reminders due but not handled yet: firing, running, or about to be tried again. A clock jump waits until none is.</summary>
    public int InFlight => Volatile.Read(ref running) + pending.Values.Count(p => p.Reminder.At <= clock.GetUtcNow());

    public Task Schedule(Reminder reminder, CancellationToken ct)
    {
        var next = new Pending(reminder);
        pending.AddOrUpdate(reminder.Key, next, (_, earlier) =>
        {
            earlier.Dispose();
            return next;
        });
        next.Start(clock, reminder.At - clock.GetUtcNow(), () => Fire(next));
        return Task.CompletedTask;
    }

    public Task Cancel(string key, CancellationToken ct)
    {
        if (pending.TryRemove(key, out var cancelled))
        {
            cancelled.Dispose();
        }

        return Task.CompletedTask;
    }

    public Task CancelAll(long incidentNumber, CancellationToken ct)
    {
        foreach (var (key, entry) in pending.Where(p => p.Value.Reminder.IncidentNumber == incidentNumber))
        {
            if (pending.TryRemove(new KeyValuePair<string, Pending>(key, entry)))
            {
                entry.Dispose();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Drops every reminder and what was handled: the next test on a shared host starts with none.</summary>
    public void Clear()
    {
        foreach (var key in pending.Keys)
        {
            _ = Cancel(key, CancellationToken.None);
        }

        handled.Clear();
    }

    public void Dispose() => Clear();

    private async Task Fire(Pending entry)
    {
        // Replaced or cancelled meanwhile: the timer of the replacement fires instead.
        if (!pending.TryRemove(new KeyValuePair<string, Pending>(entry.Reminder.Key, entry)))
        {
            return;
        }

        entry.Dispose();
        Interlocked.Increment(ref running);
        try
        {
            await services.GetRequiredService<IReminderHandler>().Fire(entry.Reminder, CancellationToken.None);
            handled.Enqueue(entry.Reminder);
        }
        catch (Exception e) when (e is not ObjectDisposedException)
        {
            TestContext.Progress.WriteLine($"Reminder {entry.Reminder.Key} failed, firing it again in {Retry}: {e.Message}");
            var again = new Pending(entry.Reminder);
            if (pending.TryAdd(entry.Reminder.Key, again))
            {
                again.Start(clock, Retry, () => Fire(again));
            }
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }

    private sealed class Pending(Reminder reminder) : IDisposable
    {
        private ITimer? timer;

        public Reminder Reminder => reminder;

        public void Start(TimeProvider clock, TimeSpan dueIn, Func<Task> fire) =>
            timer = clock.CreateTimer(_ => _ = fire(), null, dueIn > TimeSpan.Zero ? dueIn : TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        public void Dispose() => timer?.Dispose();
    }
}
