using Dapper;
using IncidentBot.Persistence;

namespace IncidentBot.Tests.Persistence;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class MigratorTests(StorageProvider provider) : DatabaseTest(provider)
{
    protected override bool Migrate => false;

    private Migrator Migrator => new(Database, Clock);

    [Test]
    public async Task A_fresh_database_is_up_to_date_only_after_migrating()
    {
        Assert.That(await Migrator.IsUpToDate(Ct), Is.False);

        await Migrator.Apply(Ct);

        Assert.That(await Migrator.IsUpToDate(Ct), Is.True);
    }

    [Test]
    public async Task Applying_twice_records_each_migration_once()
    {
        await Migrator.Apply(Ct);
        await Migrator.Apply(Ct);

        var recorded = await Recorded();
        var embedded = Migration.Embedded(Provider);
        Assert.That(recorded, Is.EqualTo(embedded.Select(m => (m.Version, m.Name))));
        Assert.That(recorded[0], Is.EqualTo((1L, "initial")));
    }

    [Test]
    public async Task Instances_starting_together_apply_each_migration_once()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new Migrator(Database, Clock).Apply(Ct))));

        Assert.That(await Recorded(), Has.Count.EqualTo(Migration.Embedded(Provider).Count));
    }

    [Test]
    public async Task An_up_to_date_database_starts_while_another_instance_holds_the_migration_lock()
    {
        await Migrator.Apply(Ct);
        await using var migrating = await Database.Open(Ct);
        await using var tx = await migrating.BeginTransactionAsync(Ct);
        // What an instance applying migrations holds: the advisory lock on PostgreSQL, the write lock on SQLite.
        await migrating.ExecuteAsync(
            Provider == StorageProvider.Postgres ? "SELECT pg_advisory_xact_lock(80738460528500)" : "UPDATE schema_migrations SET name = name WHERE version = 1",
            transaction: tx);

        // Without waiting for that lock: a bound on the wait, not a timing, so a regression fails instead of hanging.
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bound.CancelAfter(TimeSpan.FromSeconds(3));
        await Migrator.Apply(bound.Token);

        Assert.That(await Recorded(), Has.Count.EqualTo(Migration.Embedded(Provider).Count));
    }

    [Test]
    public async Task A_migration_that_fails_leaves_the_database_as_it_was()
    {
        // A table in the way of migration 019, which creates it: the 18 before it succeed, then 019 fails.
        await Execute("CREATE TABLE incident_links (in_the_way INTEGER)");

        Assert.That(async () => await Migrator.Apply(Ct), Throws.InstanceOf<System.Data.Common.DbException>());

        Assert.That(await Migrator.IsUpToDate(Ct), Is.False);
        await using var connection = await Database.Open(Ct);
        var tables = Provider == StorageProvider.Postgres
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('schema_migrations', 'incidents')"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'incidents')";
        Assert.That(await connection.ExecuteScalarAsync<long>(tables), Is.Zero, "no migration before the failing one was kept");
    }

    [Test]
    public async Task A_database_migrated_by_a_newer_build_is_refused()
    {
        await Migrator.Apply(Ct);
        await Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from_the_future', 0)");

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => Migrator.Apply(Ct));

        Assert.That(error.Message, Does.Contain("schema version 999").And.Contain($"newer than the newest this build knows ({Migration.Embedded(Provider).Max(m => m.Version)})"));
        Assert.That(await Migrator.IsUpToDate(Ct), Is.False);
    }

    [Test]
    public async Task The_migration_time_comes_from_the_clock()
    {
        await Migrator.Apply(Ct);

        await using var connection = await Database.Open(Ct);
        var at = await connection.ExecuteScalarAsync<long>("SELECT applied_at FROM schema_migrations WHERE version = 1");
        Assert.That(at, Is.EqualTo(Clock.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    [Test]
    public void Both_providers_have_the_same_migration_versions()
    {
        Assert.That(
            Migration.Embedded(StorageProvider.Sqlite).Select(m => (m.Version, m.Name)),
            Is.EqualTo(Migration.Embedded(StorageProvider.Postgres).Select(m => (m.Version, m.Name))));
    }

    private async Task<List<(long Version, string Name)>> Recorded()
    {
        await using var connection = await Database.Open(Ct);
        var rows = await connection.QueryAsync<(long, string)>("SELECT version, name FROM schema_migrations ORDER BY version");
        return [.. rows];
    }

    private async Task Execute(string sql)
    {
        await using var connection = await Database.Open(Ct);
        await connection.ExecuteAsync(sql);
    }
}
