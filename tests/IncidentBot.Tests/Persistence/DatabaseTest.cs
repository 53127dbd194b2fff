using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Persistence;

/// <summary>Base of the provider-parametrised fixtures: a fresh, migrated database and a manual clock per test.</summary>
internal abstract class DatabaseTest(StorageProvider provider)
{
    private TestDatabase? testDatabase;
    private Database? database;

    protected StorageProvider Provider => provider;

    protected TestDatabase TestDatabase => testDatabase!;

    protected Database Database => database!;

    protected ManualClock Clock { get; private set; } = new();

    protected static CancellationToken Ct => TestContext.CurrentContext.CancellationToken;

    /// <summary>False for fixtures that test migrating itself.</summary>
    protected virtual bool Migrate => true;

    [SetUp]
    public async Task CreateDatabase()
    {
        Clock = new ManualClock();
        testDatabase = TestDatabase.Create(provider);
        database = testDatabase.Connect();
        if (Migrate)
        {
            await new Migrator(database, Clock).Apply(Ct);
        }
    }

    [TearDown]
    public async Task DropDatabase()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        testDatabase?.Dispose();
    }
}
