using IncidentBot.Persistence;
using IncidentBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace IncidentBot.Tests.Scheduling;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SchedulerStartupTests(StorageProvider provider) : SchedulingTest(provider)
{
    [Test]
    public async Task The_services_after_the_scheduler_start_while_it_is_created_and_readiness_waits_for_it()
    {
        var creation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var later = new StartProbe();
        using var host = SchedulingHost.Build(Database, Handler, schedulingFirst: false, more: services =>
        {
            HoldCreation(services, creation.Task);
            // Registered after scheduling, as Kestrel and the Slack and Teams services are in the bot.
            services.AddHostedService(_ => later);
        });

        var starting = host.StartAsync(Ct);
        await later.Started.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        var whileCreating = await Readiness(host);
        Assert.That(whileCreating.Status, Is.EqualTo(HealthStatus.Unhealthy), "still not started after the check's wait");
        Assert.That(whileCreating.Description, Is.EqualTo("The scheduler is still starting."));
        Assert.That(starting.IsCompleted, Is.False, "the host's start ends only once the scheduler has started");
        var probeDuringTheStart = WaitingReadiness(host);

        creation.SetResult();
        await starting;
        try
        {
            Assert.That((await probeDuringTheStart).Status, Is.EqualTo(HealthStatus.Healthy), "a probe in that moment waits for the start instead of failing");
            var started = await Readiness(host);
            Assert.That(started.Status, Is.EqualTo(HealthStatus.Healthy));
            await host.Services.GetRequiredService<Core.Reminders.IReminders>().Schedule(Reminder("after-start", 1, In(1)), Ct);
            Assert.That(await FiredAndDone("after-start"), Has.Count.EqualTo(1));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<HealthReportEntry> Readiness(IHost host)
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Name == SchedulingExtensions.SchedulerHealthCheckName, Ct);
        return report.Entries[SchedulingExtensions.SchedulerHealthCheckName];
    }

    /// <summary>The scheduler's check run without the registration's time limit: it answers once the scheduler has started.</summary>
    private static Task<HealthCheckResult> WaitingReadiness(IHost host)
    {
        var check = new SchedulerHealthCheck(host.Services.GetRequiredService<SchedulerStartup>());
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration(SchedulingExtensions.SchedulerHealthCheckName, check, HealthStatus.Unhealthy, null) };
        return check.CheckHealthAsync(context, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    /// <summary>The scheduler's factory, made to wait for <paramref name="release"/> before it creates the scheduler.</summary>
    private static void HoldCreation(IServiceCollection services, Task release)
    {
        var original = services.Last(d => d.ServiceType == typeof(ISchedulerFactory));
        services.Remove(original);
        services.AddSingleton<ISchedulerFactory>(provider => new HeldSchedulerFactory(Resolve(provider, original), release));
    }

    private static ISchedulerFactory Resolve(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (ISchedulerFactory)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    private sealed class HeldSchedulerFactory(ISchedulerFactory inner, Task release) : ISchedulerFactory
    {
        public async ValueTask<IScheduler> GetScheduler(CancellationToken cancellationToken = default)
        {
            await release.WaitAsync(cancellationToken);
            return await inner.GetScheduler(cancellationToken);
        }

        public ValueTask<List<IScheduler>> GetAllSchedulers(CancellationToken cancellationToken = default) => inner.GetAllSchedulers(cancellationToken);

        public ValueTask<IScheduler?> LookupScheduler(string name, CancellationToken cancellationToken = default) => inner.LookupScheduler(name, cancellationToken);
    }

    private sealed class StartProbe : IHostedService
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
