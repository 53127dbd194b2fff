using IncidentBot.Persistence;

namespace IncidentBot.Tests.Scheduling;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class ReminderDurabilityTests(StorageProvider provider) : SchedulingTest(provider)
{
    [Test]
    public async Task A_reminder_survives_a_restart_and_fires_once()
    {
        var first = await StartHost();
        var reminder = Reminder("restart:1", 1, In(2));
        await first.Reminders.Schedule(reminder, Ct);
        await first.Stop();
        Assume.That(Handler.Fired, Is.Empty, "the first host stopped before the reminder was due");

        await StartHost();
        var fired = await FiredAndDone(reminder.Key);

        Assert.That(fired, Has.Count.EqualTo(1));
        Assert.That(fired[0].Reminder, Is.EqualTo(reminder));
    }

    [Test]
    public async Task A_reminder_due_while_the_bot_was_down_fires_once_on_start()
    {
        var first = await StartHost();
        var reminder = Reminder("overdue:2", 2, In(60));
        await first.Reminders.Schedule(reminder, Ct);
        await first.Stop();
        // Quartz stores fire times as UTC .NET ticks. An hour overdue is far past the misfire threshold, so this is
        // the misfire path (fire now), not a merely late firing.
        Assert.That(await Scalar("SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = 'overdue:2'"), Is.EqualTo(reminder.At.UtcTicks));
        var anHourAgo = DateTimeOffset.UtcNow.AddHours(-1).UtcTicks;
        await Execute("UPDATE qrtz_triggers SET next_fire_time = @anHourAgo, start_time = @anHourAgo WHERE trigger_name = 'overdue:2'", new { anHourAgo });

        await StartHost();
        var fired = await FiredAndDone(reminder.Key);

        Assert.That(fired, Has.Count.EqualTo(1));
        Assert.That(fired[0].Reminder, Is.EqualTo(reminder));
    }

    [Test]
    public async Task With_two_instances_on_PostgreSQL_each_reminder_fires_once()
    {
        if (Provider != StorageProvider.Postgres)
        {
            Assert.Ignore("SQLite is the single-instance setup: it is not clustered.");
        }

        var one = await StartHost();
        await StartHost();
        var keys = Enumerable.Range(1, 6).Select(i => $"cluster:{i}").ToList();
        foreach (var key in keys)
        {
            await one.Reminders.Schedule(Reminder(key, 3, In(1)), Ct);
        }

        foreach (var key in keys)
        {
            await FiredAndDone(key);
        }

        Assert.That(Handler.Fired.Select(f => f.Reminder.Key), Is.EquivalentTo(keys));
    }
}
