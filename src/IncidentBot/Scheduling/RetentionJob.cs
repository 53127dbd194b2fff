using IncidentBot.Delivery;
using Quartz;

namespace IncidentBot.Scheduling;

/// <summary>Runs <see cref="Retention"/> every hour, the first time when the bot starts. Thin: a failure reaches Quartz and its log.</summary>
[DisallowConcurrentExecution]
internal sealed partial class RetentionJob(Retention retention, ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("retention", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var (requests, messages, replyChanges) = await retention.Purge(cancellationToken);
        if (requests + messages + replyChanges > 0)
        {
            LogPurged(requests, messages, replyChanges);
        }
    }

    public static void Schedule(IQuartzBuilder quartz)
    {
        quartz.AddJob<RetentionJob>(job => job.WithIdentity(Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .ForJob(Key)
            .WithIdentity("retention-hourly", Key.Group)
            .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromHours(1)).RepeatForever()));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: emptied {Requests} stored request bodies and {Messages} delivered message payloads past Retention:Days, and dropped {ReplyChanges} early edits of replies that never came")]
    private partial void LogPurged(int requests, int messages, int replyChanges);
}
