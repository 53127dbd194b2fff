using IncidentBot.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Tests.Delivery;

internal sealed class OutboxSignalTests
{
    private readonly FakeTimeProvider clock = new();

    [Test]
    public async Task A_message_queued_for_one_destination_wakes_its_sender_and_no_other()
    {
        var signal = new OutboxSignal();
        using var slack = signal.Subscribe("slack");
        using var teams = signal.Subscribe("teams");
        var slackWait = slack.Wait(TimeSpan.FromMinutes(1), clock, CancellationToken.None);
        var teamsWait = teams.Wait(TimeSpan.FromMinutes(1), clock, CancellationToken.None);

        signal.Notify("slack");
        await slackWait.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);

        Assert.That(teamsWait.IsCompleted, Is.False, "the Teams sender was woken by a Slack message");
        clock.Advance(TimeSpan.FromMinutes(1));
        await teamsWait.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
    }

    [Test]
    public async Task A_wake_up_sent_while_its_sender_was_busy_is_kept_for_its_next_wait()
    {
        var signal = new OutboxSignal();
        using var slack = signal.Subscribe("slack");

        signal.Notify("slack");
        var wait = slack.Wait(TimeSpan.FromMinutes(1), clock, CancellationToken.None);

        await wait.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        Assert.That(wait.IsCompletedSuccessfully, Is.True);
    }
}
