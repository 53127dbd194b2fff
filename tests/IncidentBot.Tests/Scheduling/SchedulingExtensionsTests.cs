using IncidentBot.Core.Reminders;
using IncidentBot.Persistence;
using IncidentBot.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace IncidentBot.Tests.Scheduling;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SchedulingExtensionsTests(StorageProvider provider) : SchedulingTest(provider)
{
    [Test]
    public async Task Quartz_starts_after_the_migrations_even_when_registered_first()
    {
        using var host = SchedulingHost.Build(Database, Handler, schedulingFirst: true);

        // Quartz validates its tables when it starts: on an unmigrated database this would throw.
        await host.StartAsync(Ct);
        try
        {
            var reminders = host.Services.GetRequiredService<IReminders>();
            await reminders.Schedule(Reminder("after-migrations", 1, In(1)), Ct);
            Assert.That(await FiredAndDone("after-migrations"), Has.Count.EqualTo(1));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Test]
    public void Quartz_refuses_to_start_on_a_database_without_its_tables()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(Database.Settings);
        builder.Services.AddSingleton<IReminderHandler>(Handler);
        builder.Services.AddScheduling(builder.Configuration);
        using var host = builder.Build();

        // Which is what makes the test above meaningful: Quartz checks its tables as it starts.
        Assert.That(
            async () => await host.StartAsync(Ct),
            Throws.InstanceOf<SchedulerException>().With.Message.Contains("schema validation failed"));
    }

    [Test]
    public async Task The_scheduler_is_persistent_and_clustered_only_on_PostgreSQL()
    {
        var host = await StartHost();

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        var metadata = await scheduler.GetMetadata(Ct);

        Assert.That(scheduler.SchedulerName, Is.EqualTo(SchedulingExtensions.InstanceName));
        Assert.That(metadata.JobStorePersistent, Is.True);
        Assert.That(metadata.JobStoreClustered, Is.EqualTo(Provider == StorageProvider.Postgres));
        // AUTO ids tell the nodes of a cluster apart; the single SQLite instance keeps Quartz's NON_CLUSTERED.
        Assert.That(
            scheduler.SchedulerInstanceId,
            Provider == StorageProvider.Postgres
                ? Is.Not.EqualTo(QuartzSchedulerOptions.DefaultInstanceId)
                : Is.EqualTo(QuartzSchedulerOptions.DefaultInstanceId));
    }
}
