using System.Globalization;
using System.Text.RegularExpressions;
using IncidentBot.Slack.SocketMode;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Tests.Slack.SocketMode;

/// <summary>
/// The reconnect policy on a fake clock: waits of minutes that pass only when the test moves the clock, so the
/// test shows both the waits chosen and that the client keeps to them.
/// </summary>
internal sealed partial class SocketModeBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    [Test]
    public async Task Refused_connections_back_off_exponentially_with_jitter_and_a_rate_limit_waits_its_Retry_After()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        var urls = new ScriptedUrls(clock,
        [
            new SocketUrl.Refused("internal_error"),
            new SocketUrl.Refused("invalid_auth"),
            new SocketUrl.RateLimited(TimeSpan.FromSeconds(45)),
            new SocketUrl.Refused("internal_error"),
        ]);
        var logger = new RecordingLogger<SocketModeClient>();
        var options = Options.Create(new SocketModeOptions { ReconnectBaseDelay = Base, ReconnectMaxDelay = Max });
        using var client = new SocketModeClient(urls, null!, new SocketModeStatus(), options, clock, logger);

        await client.StartAsync(CancellationToken.None);
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wait = await NthWait(logger, attempt);
            waits.Add(wait);
            clock.Advance(wait);
            await Eventually.Get(() => urls.CalledAt.Count, calls => calls > attempt, $"attempt {attempt + 1}");
        }

        await client.StopAsync(CancellationToken.None);

        Assert.That(waits[0], Is.InRange(Base * 0.8, Base), "first failure: the base delay, up to 20% less");
        Assert.That(waits[1], Is.InRange(Base * 1.6, Base * 2), "doubled");
        Assert.That(waits[2], Is.EqualTo(TimeSpan.FromSeconds(45)), "rate-limited: Slack's Retry-After");
        Assert.That(waits[3], Is.InRange(Max * 0.8, Max), "capped");
        Assert.That(waits[4], Is.InRange(Max * 0.8, Max), "still capped");
        var gaps = urls.CalledAt.Zip(urls.CalledAt.Skip(1), (a, b) => b - a).ToList();
        Assert.That(gaps, Is.EqualTo(waits), "each attempt comes exactly when its wait is over on the clock");
    }

    private static async Task<TimeSpan> NthWait(RecordingLogger<SocketModeClient> logger, int n)
    {
        var waits = await Eventually.Get(
            () => logger.Entries.Select(e => NextConnection().Match(e.Message)).Where(m => m.Success).ToList(),
            found => found.Count >= n,
            $"the client to log wait {n}");
        return TimeSpan.Parse(waits[n - 1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"next connection in (\S+)$")]
    private static partial Regex NextConnection();

    /// <summary>Answers with the script, then refuses for good; notes the clock's time of every call.</summary>
    private sealed class ScriptedUrls(TimeProvider clock, IReadOnlyList<SocketUrl> script) : ISocketModeUrls
    {
        private readonly List<DateTimeOffset> calledAt = [];

        public IReadOnlyList<DateTimeOffset> CalledAt
        {
            get
            {
                lock (calledAt)
                {
                    return [.. calledAt];
                }
            }
        }

        public Task<SocketUrl> Open(CancellationToken ct)
        {
            lock (calledAt)
            {
                calledAt.Add(clock.GetUtcNow());
                return Task.FromResult(calledAt.Count <= script.Count ? script[calledAt.Count - 1] : new SocketUrl.Refused("invalid_auth"));
            }
        }
    }
}
