using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Scheduling;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace IncidentBot.Tests.Scheduling;

/// <summary>The retention job is scheduled in Quartz by the real host, and running it empties old bodies and payloads.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class RetentionJobTests(StorageProvider provider) : HostTestBase(provider)
{
    [Test]
    public async Task The_hourly_retention_job_empties_what_is_past_Retention_Days_and_keeps_the_incident()
    {
        await Declare("Checkout returns 500s");
        await Eventually.Get(() => Count("SELECT COUNT(*) FROM inbox WHERE status = 'done'"), n => n > 0, "the command to be handled");
        await Execute("UPDATE inbox SET done_at = 0 WHERE status = 'done'");
        await Execute("UPDATE outbox SET sent_at = 0 WHERE status = 'sent'");
        var scheduler = await Bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var triggers = await scheduler.GetTriggersOfJob(RetentionJob.Key);
        await scheduler.TriggerJob(RetentionJob.Key);

        Assert.That(triggers.OfType<ISimpleTrigger>().Single().RepeatInterval, Is.EqualTo(TimeSpan.FromHours(1)));
        await Eventually.Get(() => Count("SELECT COUNT(*) FROM inbox WHERE done_at = 0 AND body <> ''"), n => n == 0, "the old request bodies to be emptied");
        await Eventually.Get(() => Count("SELECT COUNT(*) FROM outbox WHERE sent_at = 0 AND payload <> ''"), n => n == 0, "the old payloads to be emptied");
        Assert.That((await Bot.Incident(1))!["title"]!.GetValue<string>(), Is.EqualTo("Checkout returns 500s"));
        Assert.That(await Timeline(), Is.Not.Empty);
    }

    private async Task<long> Count(string sql)
    {
        await using var database = Database.Connect();
        await using var connection = await database.Open(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private async Task Execute(string sql)
    {
        await using var database = Database.Connect();
        await using var connection = await database.Open(CancellationToken.None);
        await connection.ExecuteAsync(sql);
    }
}
