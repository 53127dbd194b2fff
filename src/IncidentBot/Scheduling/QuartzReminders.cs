using IncidentBot.Core.Reminders;
using Quartz;

namespace IncidentBot.Scheduling;

/// <summary>
/// Reminders as Quartz jobs: job and trigger are both named <see cref="Reminder.Key"/>, in the group
/// <c>incident-N</c>, so that an incident's reminders are cancelled together when it is resolved.
/// </summary>
internal sealed class QuartzReminders(ISchedulerFactory schedulers, TimeProvider clock) : IReminders
{
    public async Task Schedule(Reminder reminder, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var group = ReminderJob.Group(reminder.IncidentNumber);
        // The key is the reminder's identity whatever its incident: an earlier one under another incident goes too.
        var elsewhere = (await Named(scheduler, reminder.Key, ct)).Where(k => k.Group != group).ToList();
        if (elsewhere.Count > 0)
        {
            await scheduler.DeleteJobs(elsewhere, ct);
        }

        // Not durable: Quartz deletes the job once its one trigger has fired, so fired reminders leave no rows.
        // RequestRecovery: a reminder interrupted by a crash fires again (the handler is idempotent by contract).
        var job = JobBuilder.Create<ReminderJob>()
            .WithIdentity(reminder.Key, group)
            .UsingJobData(ReminderJob.Write(reminder))
            .RequestRecovery()
            .Build();
        var trigger = ReminderJob.OneShot(clock, new TriggerKey(reminder.Key, group), reminder.At);
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, ct);
    }

    public async Task Cancel(string key, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var named = await Named(scheduler, key, ct);
        if (named.Count > 0)
        {
            await scheduler.DeleteJobs(named, ct);
        }
    }

    public async Task CancelAll(long incidentNumber, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.DeleteJobs(GroupMatcher<JobKey>.GroupEquals(ReminderJob.Group(incidentNumber)), ct);
    }

    private static async Task<IReadOnlyCollection<JobKey>> Named(IScheduler scheduler, string key, CancellationToken ct)
    {
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupStartsWith(ReminderJob.GroupPrefix), ct);
        return [.. keys.Where(k => k.Name == key)];
    }
}
