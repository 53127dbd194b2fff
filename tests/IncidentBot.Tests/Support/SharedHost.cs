using System.Diagnostics;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Support;

/// <summary>
/// One bot with Slack and Teams on, and its fixtures: its database, the fake Slack, the fake Bot Connector (with its
/// token authority) and the clock. Shared by the tests of a whole run (<see cref="SharedHosts"/>), of one class, or
/// started for one test (see <see cref="HostTestBase"/>). Before each test that shares it, it waits for the last test's
/// work to settle, then empties the database, both fakes and the reminders, and moves the clock on to the next Monday
/// 10:00 UTC. Forward, never back: whatever the bot keeps in memory for a while (cached users and channel members,
/// roster entries, a rate-limit pause) has run out by then, and nothing stored or scheduled sees time go backwards.
/// </summary>
internal sealed class SharedHost(TestDatabase database, FakeSlack slack, FakeBotConnector connector, TestClock clock, BotHost bot) : IAsyncDisposable
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public TestDatabase Database => database;

    public FakeSlack Slack => slack;

    public FakeBotConnector Connector => connector;

    public TestClock Clock => clock;

    public BotHost Bot => bot;

    /// <summary>
    /// Starts the fakes and the bot on a fresh database, with <paramref name="extra"/> settings over the defaults,
    /// <paramref name="services"/> swapped, and Quartz as its scheduler when <paramref name="quartz"/>.
    /// </summary>
    public static async Task<SharedHost> Start(
        StorageProvider provider,
        IReadOnlyDictionary<string, string?>? extra = null,
        Action<IServiceCollection>? services = null,
        bool quartz = false)
    {
        // First: on PostgreSQL without a configured server this ignores the test before anything is started.
        var database = TestDatabase.Create(provider);
        var slack = await FakeSlack.Start();
        var connector = await FakeBotConnector.Start(new TestAuthority());
        var clock = new TestClock();
        return new SharedHost(database, slack, connector, clock, BotHost.Start(database.Settings, slack, extra, services, clock, quartz, connector));
    }

    /// <summary>Readies the host for the next test, as if it had just started on an empty database.</summary>
    public async Task Reset()
    {
        await Settle();
        bot.Reminders.Clear();
        await DatabaseReset.Empty(database);
        slack.Reset();
        connector.Reset();
        bot.RestoreApiToken();
        var now = clock.GetUtcNow();
        clock.Advance(TestClock.Start + (Week * (Math.Floor((now - TestClock.Start) / Week) + 1)) - now);
    }

    public async ValueTask DisposeAsync()
    {
        await bot.DisposeAsync();
        await slack.DisposeAsync();
        await connector.DisposeAsync();
        connector.Authority.Dispose();
        database.Dispose();
    }

    /// <summary>
    /// Waits (a while at most) until the last test's work is no longer moving (<see cref="WorkInFlight"/>). A test that
    /// ends with work that never settles slows the next one down, but does not fail it.
    /// </summary>
    private async Task Settle()
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 20;
        while (await WorkInFlight.Count(database, clock, bot.Reminders) > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(25);
        }
    }
}
