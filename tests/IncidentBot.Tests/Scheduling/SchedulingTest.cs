using Dapper;
using IncidentBot.Core.Reminders;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Scheduling;

/// <summary>
/// Base of the provider-parametrised scheduling fixtures: a fresh database, a recording handler, and the hosts a test
/// starts (all stopped at the end). Waits poll with a deadline; reminders are due one or two seconds ahead.
/// </summary>
internal abstract class SchedulingTest(StorageProvider provider)
{
    private readonly List<SchedulingHost> hosts = [];
    private TestDatabase? database;

    protected StorageProvider Provider => provider;

    protected TestDatabase Database => database!;

    protected RecordingReminderHandler Handler { get; private set; } = new();

    protected RecordingLoggerProvider Logs { get; private set; } = new();

    protected static CancellationToken Ct => TestContext.CurrentContext.CancellationToken;

    [SetUp]
    public void CreateDatabase()
    {
        Handler = new RecordingReminderHandler();
        Logs = new RecordingLoggerProvider();
        database = TestDatabase.Create(provider);
    }

    [TearDown]
    public async Task StopHostsAndDropDatabase()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        hosts.Clear();
        database?.Dispose();
        Logs.Dispose();
    }

    protected async Task<SchedulingHost> StartHost()
    {
        var host = await SchedulingHost.Start(Database, Handler, Logs, Ct);
        hosts.Add(host);
        return host;
    }

    protected static DateTimeOffset In(double seconds) => DateTimeOffset.UtcNow.AddSeconds(seconds);

    protected static Reminder Reminder(string key, long incident, DateTimeOffset at, string? data = null) =>
        new(key, incident, "escalate", at, data);

    /// <summary>Waits until the reminder has fired, then until Quartz has finished with it (its one-shot job is gone).</summary>
    protected async Task<IReadOnlyList<FiredReminder>> FiredAndDone(string key)
    {
        await Eventually.Get(() => Handler.FiredFor(key), f => f.Count > 0, $"reminder '{key}' to fire");
        await Eventually.Get(() => StoredJobs(key), n => n == 0, $"reminder '{key}' to be removed from qrtz_job_details");
        return Handler.FiredFor(key);
    }

    protected async Task<long> StoredJobs(string key) =>
        await Scalar("SELECT COUNT(*) FROM qrtz_job_details WHERE job_name = @key", new { key });

    protected async Task<long> Scalar(string sql, object? args = null)
    {
        await using var connected = Database.Connect();
        await using var connection = await connected.Open(Ct);
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    protected async Task Execute(string sql, object? args = null)
    {
        await using var connected = Database.Connect();
        await using var connection = await connected.Open(Ct);
        await connection.ExecuteAsync(sql, args);
    }
}
