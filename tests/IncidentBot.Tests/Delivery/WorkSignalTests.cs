using IncidentBot.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Tests.Delivery;

internal sealed class WorkSignalTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider clock = new();

    [Test]
    public async Task A_message_queued_for_one_destination_wakes_its_sender_and_no_other()
    {
        var signal = new OutboxSignal();
        using var slack = signal.Subscribe("slack");
        using var teams = signal.Subscribe("teams");
        var slackWait = slack.Wait(Poll, clock, CancellationToken.None);
        var teamsWait = teams.Wait(Poll, clock, CancellationToken.None);

        signal.Notify("slack");
        await slackWait.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);

        await EndsOnlyAtItsPoll(teamsWait, "the Teams sender was woken by a Slack message");
    }

    [Test]
    public async Task A_wake_up_sent_while_its_sender_was_busy_is_kept_for_its_next_wait()
    {
        var signal = new OutboxSignal();
        using var slack = signal.Subscribe("slack");

        signal.Notify("slack");
        var wait = slack.Wait(Poll, clock, CancellationToken.None);

        await wait.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        Assert.That(wait.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task Requests_stored_while_the_worker_is_busy_wake_it_once_and_throw_nothing()
    {
        var signal = new InboxSignal();
        using var worker = signal.Subscribe();
        var thrown = 0;
        EventHandler<System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs> count = (_, e) =>
        {
            if (e.Exception is SemaphoreFullException)
            {
                Interlocked.Increment(ref thrown);
            }
        };

        AppDomain.CurrentDomain.FirstChanceException += count;
        try
        {
            // A storm: every stored request wakes the worker, which is busy with the batch before.
            for (var i = 0; i < 1_000; i++)
            {
                signal.Notify();
            }
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= count;
        }

        Assert.That(thrown, Is.Zero, "exceptions thrown (and counted by the runtime's exception metric) by wake-ups");
        var first = worker.Wait(Poll, clock, CancellationToken.None);
        Assert.That(first.IsCompletedSuccessfully, Is.True, "the busy worker's next wait did not return at once");
        var second = worker.Wait(Poll, clock, CancellationToken.None);
        await EndsOnlyAtItsPoll(second, "a thousand wake-ups woke the worker more than once");
    }

    [Test]
    public async Task A_request_stored_after_the_worker_woke_wakes_it_again()
    {
        var signal = new InboxSignal();
        using var worker = signal.Subscribe();

        signal.Notify();
        await worker.Wait(Poll, clock, CancellationToken.None);
        var waiting = worker.Wait(Poll, clock, CancellationToken.None);
        Assert.That(waiting.IsCompleted, Is.False, "woken with nothing new stored");
        signal.Notify();

        await waiting.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        signal.Notify();
        var next = worker.Wait(Poll, clock, CancellationToken.None);
        Assert.That(next.IsCompletedSuccessfully, Is.True, "a wake-up sent while the worker was working was lost");
    }

    private async Task EndsOnlyAtItsPoll(Task wait, string wokenEarly)
    {
        Assert.That(wait.IsCompleted, Is.False, wokenEarly);
        clock.Advance(Poll);
        await wait.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
    }
}
