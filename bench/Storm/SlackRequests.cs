using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Storm;

/// <summary>
/// Freshly signed Slack requests, as Slack sends them: thread replies (Events API), slash commands and button presses.
/// Every id is unique to the run, so nothing is dropped as a duplicate and the database check can find each one.
/// </summary>
internal sealed class SlackRequests(string secret, string runId)
{
    public const string TeamId = "T0BENCH";
    public const string AppId = "A0BENCH";
    public const string Channel = "C0BENCH";
    private const string Form = "application/x-www-form-urlencoded";
    private const string Json = "application/json";

    public string? ThreadTs { get; set; }

    /// <summary>The event id of reply <paramref name="n"/>: what the check looks for in the inbox's dedupe keys.</summary>
    public string ReplyEventId(int n) => $"Ev{runId}r{n}";

    public (string Body, string ContentType) Reply(int n)
    {
        var ts = string.Create(CultureInfo.InvariantCulture, $"{1_800_000_000 + n}.{Random.Shared.Next(1_000_000):D6}");
        var body = new JsonObject
        {
            ["token"] = "unused",
            ["team_id"] = TeamId,
            ["api_app_id"] = AppId,
            ["type"] = "event_callback",
            ["event_id"] = ReplyEventId(n),
            ["event_time"] = 1_800_000_000,
            ["event"] = new JsonObject
            {
                ["type"] = "message",
                ["channel"] = Channel,
                ["user"] = "U0CAROL",
                ["text"] = $"bench reply {runId} {n}: error rate still at 4%",
                ["ts"] = ts,
                ["thread_ts"] = ThreadTs ?? "1800000000.000001",
                ["channel_type"] = "channel",
            },
        };
        return (body.ToJsonString(), Json);
    }

    public (string Body, string ContentType) Command(string text, int n) => (string.Join('&', new Dictionary<string, string>
    {
        ["token"] = "unused",
        ["team_id"] = TeamId,
        ["api_app_id"] = AppId,
        ["channel_id"] = Channel,
        ["channel_name"] = "incidents",
        ["user_id"] = "U0ALICE",
        ["user_name"] = "alice",
        ["command"] = "/outage",
        ["text"] = text,
        ["response_url"] = $"{ResponseUrlBase}{runId}-{n}",
        ["trigger_id"] = $"trigger.{runId}.{n}",
    }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")), Form);

    /// <summary>Where the fake Slack takes the bot's answers to slash commands.</summary>
    public string ResponseUrlBase { get; set; } = "http://127.0.0.1:9/hooks/";

    public (string Body, string ContentType) ButtonPress(int n)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U0ALICE", ["name"] = "alice" },
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["api_app_id"] = AppId,
            ["trigger_id"] = $"trigger.{runId}.b{n}",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1.2", ["channel_id"] = "DU0ALICE" },
            ["channel"] = new JsonObject { ["id"] = "DU0ALICE" },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = "ack:1", ["value"] = "1", ["type"] = "button", ["action_ts"] = $"{1_800_000_000 + n}.{runId[..6]}",
            }),
        };
        return ("payload=" + Uri.EscapeDataString(payload.ToJsonString()), Form);
    }

    public HttpRequestMessage Signed(Uri url, (string Body, string ContentType) request)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(request.Body, Encoding.UTF8, request.ContentType) };
        message.Content.Headers.ContentType!.CharSet = null;
        message.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        message.Headers.Add("X-Slack-Signature", Signature(secret, timestamp, request.Body));
        return message;
    }

    public static string Signature(string secret, string timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return "v0=" + Convert.ToHexStringLower(mac);
    }
}
