using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

// Measures how fast the bot acknowledges Slack: signed Events API requests (thread replies) and slash commands
// posted to /slack/events on a bot running on this machine. Slack gives up after 3 s; the acknowledgement only
// verifies, stores and answers, so it should stay far below that under load.
//
//   dotnet run -c Release --project bench/AckLatency -- [url] [signing secret] [requests] [concurrency]
//
// The bot must run with the same signing secret and any bot token (Slack:ApiBaseUrl can point at a dead loopback
// port: outgoing messages then wait in the outbox, which is what happens when Slack itself is down).
// Ids unique to this run, so a second run measures new requests, not the inbox dropping duplicates.
var runId = Guid.NewGuid().ToString("N")[..8];
var url = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5080/slack/events");
var secret = args.Length > 1 ? args[1] : "bench-signing-secret";
var total = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;
var concurrency = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 16;
if (!url.IsLoopback)
{
    Console.Error.WriteLine($"Refusing to load {url}: this benchmark only targets this machine.");
    return 2;
}

using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) };
var latencies = new double[total];
var failures = 0;
var next = -1;
var run = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < total)
    {
        var (body, type) = i % 4 == 0 ? SlashCommand(runId, i) : Reply(runId, i);
        using var request = Signed(body, type);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref failures);
        }
    }
}));
run.Stop();

Array.Sort(latencies);
double Percentile(double p) => latencies[Math.Min(total - 1, (int)Math.Ceiling(p / 100 * total) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{total} requests, {concurrency} concurrent, {total / run.Elapsed.TotalSeconds:0} req/s, {failures} not 2xx"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ack latency ms: p50 {Percentile(50):0.0}  p95 {Percentile(95):0.0}  p99 {Percentile(99):0.0}  max {latencies[^1]:0.0}"));
return failures == 0 ? 0 : 1;

HttpRequestMessage Signed(string body, string type)
{
    var bytes = Encoding.UTF8.GetBytes(body);
    var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    var signed = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(bytes).ToArray();
    var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new ByteArrayContent(bytes) };
    request.Content.Headers.ContentType = new(type);
    request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
    request.Headers.Add("X-Slack-Signature", signature);
    return request;
}

static (string, string) Reply(string runId, int i)
{
    var ts = string.Create(CultureInfo.InvariantCulture, $"{1_800_000_000 + i}.{Random.Shared.Next(1_000_000):D6}");
    var json = $$"""{"type":"event_callback","api_app_id":"ABENCH","event_id":"EvBench{{runId}}{{i}}","team_id":"T1","event":{"type":"message","user":"U0BENCH","text":"still investigating {{i}}","ts":"{{ts}}","thread_ts":"1700000000.000100","channel":"C0BENCH","channel_type":"channel"},"authorizations":[{"user_id":"U0BOT","is_bot":true}]}""";
    return (json, "application/json");
}

static (string, string) SlashCommand(string runId, int i) =>
    (string.Create(CultureInfo.InvariantCulture, $"command=%2Foutage&text=list&team_id=T1&channel_id=C0BENCH&user_id=U0BENCH&trigger_id=bench.{runId}.{i}&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2Fx"),
     "application/x-www-form-urlencoded");
