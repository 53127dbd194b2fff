namespace IncidentBot.Delivery;

/// <summary>
/// Runs a background loop on a thread of its own, with every continuation of its awaits posted back to that thread.
/// On the thread pool, the inbox worker's continuations would queue among the work items of the
/// requests Kestrel is answering, and in a storm every acknowledgement would wait behind the handling of the requests
/// stored before it (on 2 cores, p50 of a stored acknowledgement 2.7 ms → 1.5 ms; see docs/performance.md). Work a
/// loop starts with <c>Task.Run</c> still goes to the pool, and so does code after <c>ConfigureAwait(false)</c> inside
/// libraries; the loop itself comes back here.
/// </summary>
internal static class WorkerThread
{
    /// <summary>Starts <paramref name="loop"/> on a new background thread; the task ends as the loop does.</summary>
    public static Task Run(string name, Func<Task> loop)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => RunHere(loop, ended)) { IsBackground = true, Name = name };
        thread.Start();
        return ended.Task;
    }

    private static void RunHere(Func<Task> loop, TaskCompletionSource ended)
    {
        var context = new LoopContext();
        SynchronizationContext.SetSynchronizationContext(context);
        Task running;
        try
        {
            running = loop();
        }
        catch (Exception e)
        {
            running = Task.FromException(e);
        }

        running.ContinueWith(_ => context.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        context.Pump();
        if (running.IsCanceled)
        {
            ended.SetCanceled();
        }
        else if (running.Exception is { } failed)
        {
            ended.SetException(failed.InnerExceptions);
        }
        else
        {
            ended.SetResult();
        }
    }

    /// <summary>
    /// Runs what is posted to it, in order, on the thread that pumps it, until the loop has ended. The pump sleeps on a
    /// monitor when there is nothing to run: a <c>BlockingCollection</c> spun first (yielding the core, again and again)
    /// each time it ran dry, which in a storm of slash commands was about 3% of the bot's CPU.
    /// </summary>
    private sealed class LoopContext : SynchronizationContext
    {
        private readonly object gate = new();
        private readonly Queue<(SendOrPostCallback Callback, object? State)> posted = new();
        private bool completed;

        public override void Post(SendOrPostCallback d, object? state)
        {
            lock (gate)
            {
                if (!completed)
                {
                    posted.Enqueue((d, state));
                    Monitor.Pulse(gate);
                    return;
                }
            }

            // The loop has ended; something it started without awaiting finishes on the pool instead.
            ThreadPool.QueueUserWorkItem(s => d(s), state, preferLocal: false);
        }

        // Nothing in the loops sends synchronously; blocking a caller on this thread could deadlock it.
        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("the worker thread takes posts only");

        public override SynchronizationContext CreateCopy() => this;

        public void Complete()
        {
            lock (gate)
            {
                completed = true;
                Monitor.Pulse(gate);
            }
        }

        /// <summary>Returns once the loop has ended and everything posted before that has run.</summary>
        public void Pump()
        {
            while (true)
            {
                (SendOrPostCallback Callback, object? State) next;
                lock (gate)
                {
                    while (posted.Count == 0 && !completed)
                    {
                        Monitor.Wait(gate);
                    }

                    if (!posted.TryDequeue(out next))
                    {
                        return;
                    }
                }

                next.Callback(next.State);
            }
        }
    }
}
