using System.Diagnostics;

namespace IncidentBot.Tests.Support;

/// <summary>
/// The host tests' clock. It starts at <see cref="Start"/> (a Monday, 10:00 UTC: mid-morning in a nine-to-five day, so
/// no end-of-day nag or escalation falls inside a test unless the test moves the clock there) and jumps forward when
/// the test calls <see cref="Advance"/>; every timer made from it whose time is reached then fires, so reminders,
/// nags and overdue checks due by then run.
/// Between jumps it runs at real speed, on purpose: the delivery workers poll, back off and hold leases on this clock,
/// and the host needs those to keep moving while a test waits for a message (they would stall on a frozen clock).
/// Nothing the incident logic decides by time is due within the seconds a test runs, so that drift decides nothing.
/// <see cref="TimeProvider.GetTimestamp"/> stays the machine's: it measures durations (latency, batching waits), not dates.
/// </summary>
internal sealed class TestClock : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The longest a real timer is set for (a <see cref="Timer"/> takes at most ~49 days): one due later, such as an
    /// action due in 2099, wakes up after this long and sets itself again for what is left.
    /// </summary>
    private static readonly TimeSpan LongestRealWait = TimeSpan.FromDays(1);

    private readonly Lock gate = new();
    private readonly List<JumpingTimer> timers = [];
    private DateTimeOffset origin;
    private long originTimestamp;

    public TestClock(DateTimeOffset? start = null) => SetOrigin(start ?? Start);

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return Now;
        }
    }

    private DateTimeOffset Now => origin + Stopwatch.GetElapsedTime(originTimestamp);

    /// <summary>Moves time forward; the timers due by the new time fire (each once, however far the jump).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (gate)
        {
            origin += by;
            foreach (var timer in timers)
            {
                timer.Rearm();
            }
        }
    }

    /// <summary>
    /// Sets the time to <paramref name="to"/> (back to <see cref="Start"/> by default) for the next test on a shared host.
    /// Pending timers keep the time they had left, so a worker's poll is not pushed hours away by going back.
    /// </summary>
    public void Reset(DateTimeOffset? to = null)
    {
        lock (gate)
        {
            var shift = (to ?? Start) - Now;
            SetOrigin(to ?? Start);
            foreach (var timer in timers)
            {
                timer.Shift(shift);
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new JumpingTimer(this, callback, state);
        lock (gate)
        {
            timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private void SetOrigin(DateTimeOffset at)
    {
        origin = at;
        originTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>A timer that fires at a time of its clock: after real time passes or when the clock jumps there.</summary>
    private sealed class JumpingTimer : ITimer
    {
        private readonly TestClock clock;
        private readonly TimerCallback callback;
        private readonly object? state;
        private readonly Timer real;
        private DateTimeOffset? due;
        private TimeSpan period = Timeout.InfiniteTimeSpan;
        private bool disposed;

        public JumpingTimer(TestClock clock, TimerCallback callback, object? state)
        {
            this.clock = clock;
            this.callback = callback;
            this.state = state;
            real = new Timer(_ => OnRealTimer(), null, Timeout.Infinite, Timeout.Infinite);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.Now + dueTime;
                this.period = period;
                Rearm();
            }

            return true;
        }

        /// <summary>Fires when due, else sets the real timer for what is left. Called under the clock's lock.</summary>
        public void Rearm()
        {
            if (disposed)
            {
                return;
            }

            if (due is not { } at)
            {
                real.Change(Timeout.Infinite, Timeout.Infinite);
                return;
            }

            var left = at - clock.Now;
            if (left > TimeSpan.Zero)
            {
                real.Change(left < LongestRealWait ? left : LongestRealWait, Timeout.InfiniteTimeSpan);
                return;
            }

            due = period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan ? clock.Now + period : null;
            Rearm();
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        public void Shift(TimeSpan by)
        {
            due += by;
            Rearm();
        }

        public void Dispose()
        {
            lock (clock.gate)
            {
                disposed = true;
                clock.timers.Remove(this);
            }

            real.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void OnRealTimer()
        {
            lock (clock.gate)
            {
                Rearm();
            }
        }
    }
}
