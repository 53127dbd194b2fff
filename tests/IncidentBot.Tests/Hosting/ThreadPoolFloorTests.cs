using IncidentBot.Hosting;
using IncidentBot.Persistence;

namespace IncidentBot.Tests.Hosting;

internal sealed class ThreadPoolFloorTests
{
    [TestCase("Sqlite", ThreadPoolFloor.Sqlite)]
    [TestCase("postgres", ThreadPoolFloor.Postgres)]
    [TestCase("Mongo", ThreadPoolFloor.Sqlite)]
    public void The_floor_follows_the_store(string provider, int floor)
    {
        var storage = new StorageOptions { Provider = provider };

        Assert.That(ThreadPoolFloor.For(storage, _ => null), Is.EqualTo(floor));
    }

    [Test]
    public void A_floor_set_in_the_environment_wins()
    {
        var storage = new StorageOptions { Provider = "Postgres" };

        Assert.That(ThreadPoolFloor.For(storage, name => name == ThreadPoolFloor.Override ? "40" : null), Is.Null);
    }
}
