using IncidentBot.Core.Reminders;
using IncidentBot.Delivery;
using IncidentBot.Hosting;
using IncidentBot.Persistence;
using IncidentBot.Telemetry;
using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz;

namespace IncidentBot.Scheduling;

internal static class SchedulingExtensions
{
    public const string InstanceName = "IncidentBot";

    public const string SchedulerHealthCheckName = "scheduler";

    /// <summary>
    /// A reminder later than this when it comes due (the bot was down, or busy) is a misfire and fires at once
    /// (<see cref="SimpleTriggerMisfireInstruction.FireNow"/>); less late, it simply fires late. Either way it fires once.
    /// </summary>
    public static readonly TimeSpan MisfireThreshold = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Quartz with its ADO job store in the bot's own database (tables from migration 002), started by the host after
    /// the migrations. The reminders' <see cref="IReminderHandler"/> is the core's to register.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = StorageOptions.From(configuration);
        // A bad provider falls through to SQLite here: StorageOptions' start-up validation refuses it, with its
        // message naming the setting, before Quartz's hosted service runs.
        var postgres = storage.IsPostgres;
        var connectionString = storage.ConnectionStringToOpen;

        // ReminderJob counts the reminders that fire.
        services.AddBotMetrics();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = InstanceName;
                // AUTO: each node of a cluster needs its own id (the unclustered SQLite store keeps NON_CLUSTERED).
                scheduler.GenerateInstanceId = true;
            });
            quartz.AddJobType<ReminderJob>();
            RetentionJob.Schedule(quartz);
            quartz.UsePersistentStore(store =>
            {
                store.ConfigureStore(options =>
                {
                    // Migrations own the schema; Quartz checks it is all there and refuses to start otherwise.
                    options.SchemaProvisioning = SchemaProvisioning.Validate;
                    // Job data is plain strings, readable in the table and safe across Quartz upgrades.
                    options.StoreJobDataAsStrings = true;
                    options.MisfireThreshold = MisfireThreshold;
                });
                store.UseSystemTextJsonSerializer();
                if (postgres)
                {
                    store.UsePostgres(NpgsqlFactory.Instance, connectionString);
                    // Several instances share the database: row locks in qrtz_locks make each reminder fire on one.
                    store.UseClustering(_ => { });
                }
                else
                {
                    // SQLite is the single-instance case: no clustering (SQLite has no row locks to share, and
                    // Quartz's in-process lock is enough for one process).
                    store.UseSqlite(SqliteFactory.Instance, connectionString);
                }
            });
        });
        services.AddSchedulerStartup();
        services.AddSingleton<IReminders, QuartzReminders>();
        services.AddValidatedOptions<RetentionOptions>(configuration, RetentionOptions.Section, RetentionOptions.Validate);
        services.AddSingleton<Retention>();
        return services;
    }

    /// <summary>Quartz's hosted service, run by <see cref="SchedulerStartup"/> after Kestrel has started rather than before it.</summary>
    private static void AddSchedulerStartup(this IServiceCollection services)
    {
        var before = services.Count;
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        foreach (var hosted in services.Skip(before).Where(d => d.ServiceType == typeof(IHostedService)).ToList())
        {
            services.Remove(hosted);
        }

        services.AddSingleton<QuartzHostedService>();
        services.AddSingleton<SchedulerStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<SchedulerStartup>());
        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>(SchedulerHealthCheckName, tags: ["ready"], timeout: SchedulerHealthCheck.Wait);
    }
}
