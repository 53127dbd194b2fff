using IncidentBot.Core.Reminders;
using IncidentBot.Persistence;
using IncidentBot.Scheduling;
using IncidentBot.Tests.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Scheduling;

/// <summary>
/// The smallest host that schedules: persistence (for the migrations), scheduling and a recording handler, on a test
/// database. Not the web Program: these tests are about Quartz and the store, and stop and start hosts freely.
/// </summary>
internal sealed class SchedulingHost(IHost host) : IAsyncDisposable
{
    private bool stopped;

    public IServiceProvider Services => host.Services;

    public IReminders Reminders => host.Services.GetRequiredService<IReminders>();

    public static async Task<SchedulingHost> Start(TestDatabase database, IReminderHandler handler, ILoggerProvider logs, CancellationToken ct)
    {
        var host = Build(database, handler, schedulingFirst: false, logs);
        await host.StartAsync(ct);
        return new SchedulingHost(host);
    }

    /// <summary>
    /// <paramref name="schedulingFirst"/> registers scheduling before persistence, as Program.cs might: Quartz must
    /// still start only after the migrations.
    /// </summary>
    public static IHost Build(TestDatabase database, IReminderHandler handler, bool schedulingFirst, ILoggerProvider? logs = null, Action<IServiceCollection>? more = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(database.Settings);
        // The linked appsettings.json sets Information by default; Quartz and hosting are chatty at that level.
        builder.Logging.AddFilter("Quartz", LogLevel.Warning).AddFilter("Microsoft.Hosting", LogLevel.Warning)
            .AddFilter("IncidentBot", LogLevel.Warning);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddSingleton(handler);
        // The core registers the clock in the bot; this host has no core.
        builder.Services.AddSingleton(TimeProvider.System);
        if (schedulingFirst)
        {
            builder.Services.AddScheduling(builder.Configuration);
            builder.Services.AddPersistence(builder.Configuration);
        }
        else
        {
            builder.Services.AddPersistence(builder.Configuration);
            builder.Services.AddScheduling(builder.Configuration);
        }

        more?.Invoke(builder.Services);
        return builder.Build();
    }

    public async Task Stop()
    {
        if (!stopped)
        {
            stopped = true;
            await host.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stop();
        host.Dispose();
    }
}
