using System.Net.WebSockets;
using System.Threading.Channels;
using IncidentBot.Delivery;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// Keeps the bot connected to Slack over Socket Mode. One connection carries the traffic; when Slack announces it
/// will close one, the next is opened (with a fresh URL) and has said hello before the old one is let go, so at most
/// <see cref="MaxConnections"/> are open and no envelope falls in a gap. Failures back off exponentially with
/// jitter on the injected clock; a rate-limited <c>apps.connections.open</c> waits its Retry-After.
/// </summary>
internal sealed partial class SocketModeClient(
    ISocketModeUrls urls,
    SocketEnvelopeHandler envelopes,
    SocketModeStatus status,
    IOptions<SocketModeOptions> options,
    TimeProvider clock,
    ILogger<SocketModeClient> logger) : BackgroundService
{
    public const int MaxConnections = 2;

    private readonly Channel<Reconnect> wanted = Channel.CreateUnbounded<Reconnect>();
    private readonly List<SocketSession> sessions = [];
    private int failures;
    private int opened;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        wanted.Writer.TryWrite(new("start", TimeSpan.Zero));
        try
        {
            await foreach (var want in wanted.Reader.ReadAllAsync(stop))
            {
                if (HasLive())
                {
                    continue;
                }

                if (want.Delay > TimeSpan.Zero)
                {
                    await Wait(want.Why, want.Delay, stop);
                }

                await ConnectUntilUp(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down: the receive loops end on the same token.
        }

        await Task.WhenAll(Snapshot().Select(s => s.Ended));
    }

    private async Task ConnectUntilUp(CancellationToken stop)
    {
        while (!HasLive())
        {
            await MakeRoom(stop);
            if (await TryConnect(stop) is not { } wait)
            {
                return;
            }

            await Wait("connecting failed", wait, stop);
        }
    }

    /// <summary>Null once a new connection said hello; else how long to wait before the next attempt.</summary>
    private async Task<TimeSpan?> TryConnect(CancellationToken stop)
    {
        switch (await urls.Open(stop))
        {
            case SocketUrl.RateLimited limited:
                Interlocked.Increment(ref failures);
                LogRateLimited(limited.RetryAfter);
                return limited.RetryAfter;
            case SocketUrl.Refused refused:
                LogRefused(refused.Error);
                return NextFailureDelay(stable: false);
            case SocketUrl.Opened url:
                return await Start(url.Url, stop);
            default:
                return NextFailureDelay(stable: false);
        }
    }

    private async Task<TimeSpan?> Start(Uri url, CancellationToken stop)
    {
        var number = Interlocked.Increment(ref opened);
        SocketSession session;
        try
        {
            using var timeout = new CancellationTokenSource(options.Value.HelloTimeout, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
            session = new SocketSession(await SocketConnection.Open(url, number, options.Value, linked.Token));
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException || (e is OperationCanceledException && !stop.IsCancellationRequested))
        {
            LogConnectFailed(number, e.GetType().Name);
            return NextFailureDelay(stable: false);
        }

        lock (sessions)
        {
            sessions.Add(session);
        }

        session.Ended = Task.Run(() => Run(session, stop), CancellationToken.None);
        try
        {
            await session.Hello.WaitAsync(options.Value.HelloTimeout, clock, stop);
        }
        catch (Exception e) when (e is TimeoutException or IOException)
        {
            LogNoHello(number);
            session.Connection.Abort();
            return NextFailureDelay(stable: false);
        }

        // The new connection carries the traffic now: let go of those Slack said it would close.
        foreach (var old in Snapshot().Where(s => s != session && s.Disconnect is not null))
        {
            await old.Connection.BeginClose(stop);
        }

        return null;
    }

    /// <summary>Never more than two at once: the oldest one already leaving goes first, and is waited for.</summary>
    private async Task MakeRoom(CancellationToken stop)
    {
        while (Snapshot() is { Count: >= MaxConnections } open)
        {
            var leaving = open.OrderBy(s => s.Number).First(s => !s.IsLive);
            await leaving.Connection.BeginClose(stop);
            try
            {
                await leaving.Ended.WaitAsync(options.Value.HelloTimeout, clock, stop);
            }
            catch (TimeoutException)
            {
                leaving.Connection.Abort();
                await leaving.Ended;
            }
        }
    }

    /// <summary>The wait is on the clock before it is logged, so whoever reads the log can move a test clock past it.</summary>
    private async Task Wait(string why, TimeSpan delay, CancellationToken stop)
    {
        var waiting = Task.Delay(delay, clock, stop);
        LogWaiting(why, delay);
        await waiting;
    }

    private TimeSpan NextFailureDelay(bool stable)
    {
        if (stable)
        {
            Interlocked.Exchange(ref failures, 0);
        }

        var attempt = Interlocked.Increment(ref failures);
        return Backoff.Delay(attempt, options.Value.ReconnectBaseDelay, options.Value.ReconnectMaxDelay);
    }

    private bool HasLive() => Snapshot().Any(s => s.IsLive);

    private List<SocketSession> Snapshot()
    {
        lock (sessions)
        {
            return [.. sessions];
        }
    }

    /// <summary>Up means said hello and not closed yet, even if Slack announced it will close it.</summary>
    private void UpdateStatus() => status.Set(Snapshot().Count(s => s.ReadyAt is not null));

    /// <summary>Why another connection is wanted, and how long to wait first.</summary>
    private sealed record Reconnect(string Why, TimeSpan Delay);
}
