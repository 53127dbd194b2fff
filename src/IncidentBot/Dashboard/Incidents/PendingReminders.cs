using IncidentBot.Core.FollowUps;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Reminders;
using IncidentBot.Scheduling;
using Quartz;

namespace IncidentBot.Dashboard.Incidents;

/// <summary>
/// What the bot will do next for an incident: its reminders as Quartz holds them (the same store that fires them, so the
/// page can never show a reminder that will not fire, or miss one that will), soonest first.
/// </summary>
internal sealed class PendingReminders(ISchedulerFactory schedulers)
{
    public async Task<IReadOnlyList<(Reminder Reminder, DateTimeOffset Due)>> Of(long incidentNumber, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var pending = new List<(Reminder, DateTimeOffset)>();
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ReminderJob.Group(incidentNumber)), ct))
        {
            if (await scheduler.GetJobDetail(key, ct) is not { } job)
            {
                continue;
            }

            var reminder = ReminderJob.Read(job.JobDataMap);
            var next = (await scheduler.GetTriggersOfJob(key, ct)).Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
            pending.Add((reminder, next ?? reminder.At));
        }

        return [.. pending.OrderBy(p => p.Item2)];
    }

    public static string Describe(string kind) => kind switch
    {
        ReminderKinds.Escalate => "Escalate the page if nobody acknowledges",
        ReminderKinds.FirstStatusNudge => "Nudge for the first status update",
        ReminderKinds.QuietThreadNudge => "Nudge: the thread has gone quiet",
        HandoffSchedule.NagKind => "End of the owner's day: ask for a handoff",
        HandoffSchedule.EscalateKind => "Escalate the missing handoff",
        HandoffSchedule.AcceptKind => "Remind the new owner to accept the handoff",
        OverdueActions.Kind => "Remind the owner of an overdue action",
        _ => kind,
    };
}
