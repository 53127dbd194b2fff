using System.Globalization;
using IncidentBot.Core.Paging;
using Quartz;

namespace IncidentBot.Scheduling;

/// <summary>
/// Fires one reminder. Thin on purpose: an exception reaches Quartz, which logs it; the one-shot trigger is then done,
/// so a failing reminder is not retried in a loop. The reminder travels as the job's data: strings only, so the store
/// keeps them as readable name/value pairs (StoreJobDataAsStrings) and a reminder stored by one build is read by the next.
/// </summary>
internal sealed class ReminderJob(IReminderHandler handler) : IJob
{
    public const string GroupPrefix = "incident-";

    private const string KeyName = "Key";
    private const string IncidentNumberName = "IncidentNumber";
    private const string KindName = "Kind";
    private const string AtName = "At";
    private const string DataName = "Data";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await handler.Fire(Read(context.MergedJobDataMap), cancellationToken);

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
