using System.Globalization;
using IncidentBot.Core.Reminders;
using IncidentBot.Delivery;
using IncidentBot.Telemetry;
using Microsoft.Extensions.Options;
using Quartz;

namespace IncidentBot.Scheduling;

/// <summary>
/// Fires one reminder. A reminder whose handler throws (the database was away, a bug) is not dropped: it is logged
/// and fires again after a backoff (<c>Delivery:BaseBackoff</c> doubling up to <c>Delivery:MaxBackoff</c>), until it
/// succeeds or its incident is resolved (which cancels it). The handlers are keyed per step, so a retry finishes what
/// the failed attempt left and repeats nothing. The reminder travels as the job's data: strings only, so the store
/// keeps them as readable name/value pairs (StoreJobDataAsStrings) and a reminder stored by one build is read by the next.
/// </summary>
internal sealed partial class ReminderJob(
    IReminderHandler handler, IOptions<DeliveryOptions> options, BotMetrics metrics, TimeProvider clock, ILogger<ReminderJob> logger) : IJob
{
    public const string GroupPrefix = "incident-";

    private const string KeyName = "Key";
    private const string IncidentNumberName = "IncidentNumber";
    private const string KindName = "Kind";
    private const string AtName = "At";
    private const string DataName = "Data";

    // On the trigger, not the job: the failures of this reminder so far.
    private const string FailuresName = "Failures";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var reminder = Read(context.MergedJobDataMap);
        using var span = BotTraces.ReminderFire(reminder.Kind, reminder.IncidentNumber);
        using var scope = IncidentLogScope.Begin(logger, reminder.IncidentNumber);
        metrics.ReminderFired(reminder.Kind);
        try
        {
            await handler.Fire(reminder, cancellationToken);
        }
        catch (Exception e)
        {
            await RetryLater(context, reminder, e);
        }
    }

    /// <summary>
    /// Replaces the firing trigger with one due after the backoff. Quartz keeps a job whose trigger was rescheduled while
    /// it ran; when the incident was resolved meanwhile the trigger is gone and nothing is rescheduled.
    /// </summary>
    private async Task RetryLater(IJobExecutionContext context, Reminder reminder, Exception error)
    {
        var failures = (context.Trigger.JobDataMap.TryGetString(FailuresName, out var count) ? int.Parse(count!, CultureInfo.InvariantCulture) : 0) + 1;
        var settings = options.Value;
        var delay = Backoff.Delay(failures, settings.BaseBackoff, settings.MaxBackoff);
        LogRetrying(reminder.Kind, reminder.Key, failures, delay, error);
        // Not the job's token: a reminder failing because the bot is stopping must still be rescheduled.
        await context.Scheduler.RescheduleJob(context.Trigger.Key, OneShot(clock, context.Trigger.Key, clock.GetUtcNow() + delay, failures), CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {Kind} {Key} failed ({Failures} so far); firing it again in {Delay}")]
    private partial void LogRetrying(string kind, string key, int failures, TimeSpan delay, Exception error);

    /// <summary>
    /// A one-shot trigger at <paramref name="at"/>, carrying the reminder's <paramref name="failures"/> so far. Later than
    /// the misfire threshold when it comes due (the bot was down, or busy), it fires at once; less late, it simply fires
    /// late. Either way it fires once.
    /// </summary>
    public static ITrigger OneShot(TimeProvider clock, TriggerKey key, DateTimeOffset at, int failures = 0) => TriggerBuilder.Create(clock)
        .WithIdentity(key)
        .StartAt(at)
        .UsingJobData(FailuresName, failures.ToString(CultureInfo.InvariantCulture))
        .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
        .Build();

    /// <summary>An incident's reminders share a group, so resolving it cancels them in one call.</summary>
    public static string Group(long incidentNumber) => string.Create(CultureInfo.InvariantCulture, $"{GroupPrefix}{incidentNumber}");

    public static JobDataMap Write(Reminder reminder)
    {
        var map = new JobDataMap
        {
            [KeyName] = reminder.Key,
            [IncidentNumberName] = reminder.IncidentNumber.ToString(CultureInfo.InvariantCulture),
            [KindName] = reminder.Kind,
            [AtName] = reminder.At.ToString("O", CultureInfo.InvariantCulture),
        };
        if (reminder.Data is not null)
        {
            map[DataName] = reminder.Data;
        }

        return map;
    }

    public static Reminder Read(JobDataMap map) => new(
        map.GetString(KeyName)!,
        long.Parse(map.GetString(IncidentNumberName)!, CultureInfo.InvariantCulture),
        map.GetString(KindName)!,
        DateTimeOffset.Parse(map.GetString(AtName)!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        map.TryGetString(DataName, out var data) ? data : null);
}
