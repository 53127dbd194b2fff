using System.Diagnostics;
using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;

namespace IncidentBot.Tests.Support;

/// <summary>
/// One bot per storage provider for every host test that runs on default settings (see <see cref="SharedHosts"/>):
/// its database, fake Slack and clock. Before each test it waits for the last one's work to settle, then empties the
/// database, the fake Slack and the reminders, and moves the clock on to the next Monday 10:00 UTC. Forward, never
/// back: whatever the bot keeps in memory for a while (cached users and channel members, a rate-limit pause) has run
/// out by then, and nothing stored or scheduled sees time go backwards.
/// </summary>
internal sealed class SharedHost(TestDatabase database, FakeSlack slack, TestClock clock, BotHost bot) : IAsyncDisposable
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public TestDatabase Database => database;

    public FakeSlack Slack => slack;

    public TestClock Clock => clock;

    public BotHost Bot => bot;

    public static async Task<SharedHost> Start(StorageProvider provider)
    {
        var database = TestDatabase.Create(provider);
        var slack = await FakeSlack.Start();
        var clock = new TestClock();
        return new SharedHost(database, slack, clock, BotHost.Start(database.Settings, slack, clock: clock));
    }

    /// <summary>Readies the host for the next test, as if it had just started on an empty database.</summary>
    public async Task Reset()
    {
        await Settle();
        bot.Reminders.Clear();
        await DatabaseReset.Empty(database);
        slack.Reset();
        var now = clock.GetUtcNow();
        clock.Advance(TestClock.Start + (Week * (Math.Floor((now - TestClock.Start) / Week) + 1)) - now);
    }

    public async ValueTask DisposeAsync()
    {
        await bot.DisposeAsync();
        await slack.DisposeAsync();
        database.Dispose();
    }

    /// <summary>
    /// Waits (a while at most) until the last test's work is no longer moving: no request being handled or due, no
    /// message being sent or due to be tried for the first time. Messages waiting to be tried again, and those queued
    /// behind them, are left to be emptied: the sample slash commands' response_url leads nowhere, so those answers
    /// retry for a day. A test that ends with work that never settles slows the next one down, but does not fail it.
    /// </summary>
    private async Task Settle()
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 20;
        while (await Moving() > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(25);
        }
    }

    private async Task<long> Moving()
    {
        await using var connected = database.Connect();
        await using var connection = await connected.Open(CancellationToken.None);
        var now = DbTime.ToDb(clock.GetUtcNow());
        return await connection.ExecuteScalarAsync<long>(
            """
            SELECT (SELECT COUNT(*) FROM inbox WHERE status = 'processing' OR (status = 'pending' AND not_before <= @now))
                 + (SELECT COUNT(*) FROM outbox o WHERE o.lease_owner IS NOT NULL
                    OR (o.status = 'pending' AND o.attempts = 0 AND o.next_attempt_at <= @now AND NOT EXISTS (
                        SELECT 1 FROM outbox p WHERE p.status = 'pending' AND p.attempts > 0 AND p.platform = o.platform
                        AND p.ordering_key = o.ordering_key AND p.id < o.id)))
            """,
            new { now });
    }
}
