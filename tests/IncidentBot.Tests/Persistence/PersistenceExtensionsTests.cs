using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;
using IncidentBot.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Persistence;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class PersistenceExtensionsTests(StorageProvider provider)
{
    private TestDatabase? database;

    private static CancellationToken Ct => TestContext.CurrentContext.CancellationToken;

    [SetUp]
    public void CreateDatabase() => database = TestDatabase.Create(provider);

    [TearDown]
    public void DropDatabase() => database?.Dispose();

    [Test]
    public async Task Starting_the_host_migrates_before_other_hosted_services_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(database!.Settings);
        // Registered before AddPersistence, as Program.cs might: it must still find the schema in place.
        builder.Services.AddHostedService<DeclaresOnStart>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPersistence(builder.Configuration);

        using var host = builder.Build();
        await host.StartAsync(Ct);
        try
        {
            var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Ct);
            Assert.That(health.Entries[PersistenceExtensions.HealthCheckName].Status, Is.EqualTo(HealthStatus.Healthy));
            Assert.That(await host.Services.GetRequiredService<IIncidentStore>().List(openOnly: true, Ct), Has.Count.EqualTo(1));
        }
        finally
        {
            await host.StopAsync(Ct);
        }
    }

    [Test]
    public async Task The_health_check_is_unhealthy_until_migrations_are_applied()
    {
        await using var connected = database!.Connect();
        var check = new DatabaseHealthCheck(connected, new Migrator(connected, TimeProvider.System));

        var before = await check.CheckHealthAsync(Context(check), Ct);
        await new Migrator(connected, TimeProvider.System).Apply(Ct);
        var after = await check.CheckHealthAsync(Context(check), Ct);

        Assert.That(before.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(before.Description, Does.Contain("migrations missing"));
        Assert.That(after.Status, Is.EqualTo(HealthStatus.Healthy));
    }

    [Test]
    public async Task An_unreachable_database_is_unhealthy_without_revealing_the_password()
    {
        var options = provider == StorageProvider.Postgres
            ? new StorageOptions { Provider = "Postgres", ConnectionString = "Host=127.0.0.1;Port=1;Username=bot;Password=hunter2-secret;Timeout=2" }
            : new StorageOptions { ConnectionString = $"Data Source={Path.Combine(Path.GetTempPath(), "incidentbot-tests")};Password=hunter2-secret" };
        await using var unreachable = new Database(Options.Create(options));
        var check = new DatabaseHealthCheck(unreachable, new Migrator(unreachable, TimeProvider.System));

        var result = await check.CheckHealthAsync(Context(check), Ct);

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(result.Description, Does.Contain("unreachable").And.Not.Contain("hunter2"));
    }

    private static HealthCheckContext Context(IHealthCheck check) => new()
    {
        Registration = new HealthCheckRegistration(PersistenceExtensions.HealthCheckName, check, HealthStatus.Unhealthy, null),
    };

    private sealed class DeclaresOnStart(IIncidentStore store, TimeProvider clock) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => store.Create(
            new NewIncident("on-start", "Declared while starting", null, null, "U1", "U1", clock.GetUtcNow(), "local", "console"),
            new(clock.GetUtcNow(), TimelineKind.Declared, "U1", "Declared while starting", "declared"),
            cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
