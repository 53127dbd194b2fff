using System.Collections.Concurrent;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests;

/// <summary>
/// Owns the <see cref="SharedHost"/> of each storage provider for the whole test run: started by the first host test
/// class on default settings, stopped after the last test. Starting a bot (migrations, Quartz, Kestrel) costs more
/// than most tests, so the suite's time grows with what is tested rather than with the number of tests.
/// </summary>
[SetUpFixture]
internal sealed class SharedHosts
{
    private static readonly ConcurrentDictionary<StorageProvider, Lazy<Task<SharedHost>>> Hosts = new();

    /// <summary>The provider's host; on PostgreSQL without a configured server the test is ignored, as its own would be.</summary>
    public static Task<SharedHost> For(StorageProvider provider) =>
        Hosts.GetOrAdd(provider, p => new Lazy<Task<SharedHost>>(() => SharedHost.Start(p))).Value;

    [OneTimeTearDown]
    public async Task StopAll()
    {
        foreach (var host in Hosts.Values.Where(h => h.IsValueCreated && h.Value.IsCompletedSuccessfully))
        {
            await (await host.Value).DisposeAsync();
        }

        Hosts.Clear();
    }
}
