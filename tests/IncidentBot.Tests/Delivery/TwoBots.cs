using System.Globalization;
using System.Net;
using System.Text;
using IncidentBot.Slack;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Delivery;

/// <summary>
/// Two bot processes behind a round-robin "load balancer" that, like Slack retrying, sends a refused request
/// (connection refused while an instance restarts, 503) to the other instance until one accepts it.
/// </summary>
internal sealed class TwoBots(IReadOnlyDictionary<string, string?> settings) : IAsyncDisposable
{
    private readonly RunningBot?[] bots = new RunningBot?[2];
    private readonly HttpClient[] clients = new HttpClient[2];
    private int next;

    public int Refused;

    public RunningBot A => bots[0]!;

    public async Task Start()
    {
        await StartInstance(0);
        await StartInstance(1);
    }

    /// <summary>SIGKILLs instance B and starts it again at once, with the same settings (so the same instance id).</summary>
    public async Task CrashAndRestartB()
    {
        var crashed = bots[1]!;
        bots[1] = null;
        await crashed.Kill();
        await crashed.DisposeAsync();
        await StartInstance(1);
    }

    public async Task Send(string body, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        for (var attempt = 0; ; attempt++)
        {
            var target = (int)((uint)Interlocked.Increment(ref next) % 2);
            var client = Volatile.Read(ref clients[target]);
            if (client is not null && Volatile.Read(ref bots[target]) is not null && await TrySend(client, bytes, contentType))
            {
                return;
            }

            Interlocked.Increment(ref Refused);
            Assert.That(attempt, Is.LessThan(200), "no instance accepted the request for a long time");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in bots.OfType<RunningBot>())
        {
            await bot.DisposeAsync();
        }

        foreach (var client in clients.OfType<HttpClient>())
        {
            client.Dispose();
        }
    }

    private static async Task<bool> TrySend(HttpClient client, byte[] bytes, string contentType)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Sign(BotHost.SigningSecret, timestamp, bytes));
        try
        {
            using var response = await client.SendAsync(request);
            Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable), await response.Content.ReadAsStringAsync());
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or ObjectDisposedException or TaskCanceledException)
        {
            return false;
        }
    }

    private async Task StartInstance(int index)
    {
        var own = new Dictionary<string, string?>(settings) { ["Delivery:InstanceId"] = index == 0 ? "bot-a" : "bot-b" };
        var bot = await RunningBot.Start(own);
        var client = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var old = Interlocked.Exchange(ref clients[index], client);
        old?.Dispose();
        Volatile.Write(ref bots[index], bot);
    }
}
