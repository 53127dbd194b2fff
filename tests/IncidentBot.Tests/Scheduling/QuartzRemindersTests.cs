using IncidentBot.Persistence;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Scheduling;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class QuartzRemindersTests(StorageProvider provider) : SchedulingTest(provider)
{
    private static readonly string[] Only8a = ["8:a"];

    [Test]
    public async Task A_reminder_fires_once_with_its_data()
    {
        var host = await StartHost();
        var reminder = Reminder("ack:1:primary", 1, In(1), data: "U123");

        await host.Reminders.Schedule(reminder, Ct);
        var fired = await FiredAndDone(reminder.Key);

        Assert.That(fired, Has.Count.EqualTo(1));
        Assert.That(fired[0].Reminder, Is.EqualTo(reminder));
        Assert.That(fired[0].FiredAt, Is.GreaterThanOrEqualTo(reminder.At.AddMilliseconds(-50)));
    }

    [Test]
    public async Task A_reminder_without_data_fires_with_none()
    {
        var host = await StartHost();
        var reminder = Reminder("nudge:2", 2, In(1));

        await host.Reminders.Schedule(reminder, Ct);

        Assert.That((await FiredAndDone(reminder.Key)).Single().Reminder, Is.EqualTo(reminder));
    }

    [Test]
    public async Task Scheduling_the_same_key_again_replaces_the_earlier_reminder()
    {
        var host = await StartHost();
        await host.Reminders.Schedule(Reminder("handoff:3", 3, In(1), data: "first"), Ct);
        var second = Reminder("handoff:3", 3, In(2), data: "second");

        await host.Reminders.Schedule(second, Ct);
        var fired = await FiredAndDone(second.Key);

        Assert.That(fired, Has.Count.EqualTo(1));
        Assert.That(fired[0].Reminder, Is.EqualTo(second));
        Assert.That(fired[0].FiredAt, Is.GreaterThanOrEqualTo(second.At.AddMilliseconds(-50)));
    }

    [Test]
    public async Task Scheduling_a_key_under_another_incident_moves_it_there()
    {
        var host = await StartHost();
        await host.Reminders.Schedule(Reminder("moved", 4, In(1)), Ct);
        var moved = Reminder("moved", 5, In(1.5));

        await host.Reminders.Schedule(moved, Ct);

        Assert.That((await FiredAndDone("moved")).Single().Reminder, Is.EqualTo(moved));
    }

    [Test]
    public async Task A_reminder_whose_handler_throws_is_logged_and_fired_again_with_backoff_until_it_succeeds()
    {
        var host = await StartHost();
        var failing = new Core.Reminders.Reminder("fails:5", 5, RecordingReminderHandler.FailsTwiceKind, In(1), "data");

        await host.Reminders.Schedule(failing, Ct);
        await Eventually.Get(() => Handler.FiredFor(failing.Key), f => f.Count == 3, "the reminder to fire a third time");
        var fired = await FiredAndDone(failing.Key);

        Assert.That(fired.Select(f => f.Reminder), Is.All.EqualTo(failing));
        var waits = fired.Zip(fired.Skip(1), (a, b) => b.FiredAt - a.FiredAt).ToList();
        // Delivery:BaseBackoff is 1 s, doubling, with up to 20% less for jitter.
        Assert.That(waits[0], Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.75)));
        Assert.That(waits[1], Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.55)));
        Assert.That(Logs.Entries.Where(e => e.Message.StartsWith("Reminder fails-twice fails:5 failed", StringComparison.Ordinal)).Select(e => e.Level),
            Is.EqualTo<LogLevel[]>([LogLevel.Error, LogLevel.Error]));
    }

    [Test]
    public async Task A_cancelled_reminder_does_not_fire()
    {
        var host = await StartHost();
        await host.Reminders.Schedule(Reminder("cancelled", 6, In(1)), Ct);
        // Due after the cancelled one: once it has fired, the cancelled one would have too.
        await host.Reminders.Schedule(Reminder("control", 6, In(1.5)), Ct);

        await host.Reminders.Cancel("cancelled", Ct);
        await FiredAndDone("control");

        Assert.That(Handler.FiredFor("cancelled"), Is.Empty);
        Assert.That(await StoredJobs("cancelled"), Is.Zero);
    }

    [Test]
    public async Task Cancelling_an_unknown_key_does_nothing()
    {
        var host = await StartHost();

        Assert.That(async () => await host.Reminders.Cancel("never-scheduled", Ct), Throws.Nothing);
    }

    [Test]
    public async Task Cancelling_all_of_an_incident_stops_its_reminders_and_no_others()
    {
        var host = await StartHost();
        await host.Reminders.Schedule(Reminder("7:a", 7, In(1)), Ct);
        await host.Reminders.Schedule(Reminder("7:b", 7, In(1)), Ct);
        await host.Reminders.Schedule(Reminder("8:a", 8, In(1.5)), Ct);

        await host.Reminders.CancelAll(7, Ct);
        await FiredAndDone("8:a");

        Assert.That(Handler.Fired.Select(f => f.Reminder.Key), Is.EqualTo(Only8a));
        Assert.That(await Scalar("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_group = 'incident-7'"), Is.Zero);
    }

    [Test]
    public async Task A_scheduled_reminder_is_stored_in_the_database()
    {
        var host = await StartHost();

        await host.Reminders.Schedule(Reminder("stored:9", 9, In(60)), Ct);

        Assert.That(
            await Scalar(
                "SELECT COUNT(*) FROM qrtz_triggers WHERE sched_name = 'IncidentBot' AND trigger_name = 'stored:9' AND trigger_group = 'incident-9' AND trigger_state = 'WAITING'"),
            Is.EqualTo(1));
        Assert.That(await Scalar("SELECT COUNT(*) FROM qrtz_simple_triggers WHERE trigger_name = 'stored:9'"), Is.EqualTo(1));
        Assert.That(await StoredJobs("stored:9"), Is.EqualTo(1));
    }
}
