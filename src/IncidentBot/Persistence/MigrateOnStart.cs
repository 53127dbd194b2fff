namespace IncidentBot.Persistence;

/// <summary>
/// Applies migrations in the host's Starting phase, which completes for every lifecycle service before any hosted
/// service's StartAsync runs (Quartz, the inbox worker and the outbox sender all need the schema).
/// </summary>
internal sealed partial class MigrateOnStart(Migrator migrator, Database database, ILogger<MigrateOnStart> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        LogApplying(logger, database.Target);
        await migrator.Apply(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying database migrations to {Target}")]
    private static partial void LogApplying(ILogger logger, string target);
}
