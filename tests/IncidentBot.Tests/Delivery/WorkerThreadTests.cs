using IncidentBot.Delivery;

namespace IncidentBot.Tests.Delivery;

internal sealed class WorkerThreadTests
{
    [Test]
    public async Task A_loop_that_fails_after_an_await_ends_its_task_with_that_failure()
    {
        var loop = WorkerThread.Run("failing", async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
            throw new InvalidOperationException("the loop broke");
        });

        Assert.That(async () => await loop, Throws.InvalidOperationException.With.Message.EqualTo("the loop broke"));
    }

    [Test]
    public async Task A_loop_stopped_by_its_token_ends_its_task_cancelled()
    {
        using var stop = new CancellationTokenSource();
        var loop = WorkerThread.Run("stopping", () => Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stop.Token));

        await stop.CancelAsync();

        Assert.That(async () => await loop, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Every_continuation_of_the_loop_runs_on_its_thread_in_the_order_it_was_posted()
    {
        var threads = new HashSet<int>();
        var order = new List<int>();
        var loop = WorkerThread.Run("posting", async () =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                // Completed on the pool, so each continuation is posted to the loop's thread from another thread.
                await Task.Run(() => { }).ConfigureAwait(true);
                threads.Add(Environment.CurrentManagedThreadId);
                order.Add(i);
            }
        });

        await loop;

        Assert.That(threads, Has.Count.EqualTo(1));
        Assert.That(threads.Single(), Is.Not.EqualTo(Environment.CurrentManagedThreadId));
        Assert.That(order, Is.EqualTo(Enumerable.Range(0, 1_000)));
    }
}
