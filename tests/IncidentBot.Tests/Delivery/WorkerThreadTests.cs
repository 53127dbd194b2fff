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
}
