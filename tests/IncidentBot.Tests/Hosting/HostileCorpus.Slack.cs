using static IncidentBot.Tests.Hosting.HostileRequest;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Hosting;

/// <summary><c>/slack/events</c>: unsigned, mis-signed, replayed, then signed but malformed, truncated, mistyped or oversized.</summary>
internal static partial class HostileCorpus
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string Json = "application/json";
    // The command last, so a truncated copy never names /outage whole.
    private const string Command = "token=x&team_id=T0TEAM&channel_id=C0OPS&channel_name=ops&user_id=U0EVIL&text=Checkout+down&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1&command=%2Foutage";
    private const string Event = """{"type":"event_callback","team_id":"T0TEAM","api_app_id":"A0APP","event_id":"Ev0HOSTILE","event":{"type":"message","channel":"C0OPS","user":"U0EVIL","text":"hi","ts":"1700000000.000100","thread_ts":"1700000000.000001"}}""";

    private static readonly (string Name, string Body, string ContentType)[] SlackBodies =
    [
        ("a slash command", Command, Form),
        ("an event", Event, Json),
        ("a url_verification", """{"type":"url_verification","challenge":"x"}""", Json),
        ("a button press", "payload=" + Uri.EscapeDataString("""{"type":"block_actions","user":{"id":"U0EVIL"},"actions":[{"action_id":"ack:1","value":"1"}]}"""), Form),
        ("an empty body", "", Form),
    ];

    private static IEnumerable<HostileRequest> Slack()
    {
        foreach (var (name, body, type) in SlackBodies)
        {
            yield return new($"slack: {name}, unsigned", _ => Raw(HttpMethod.Post, "/slack/events", Utf8(body), type));
            yield return new($"slack: {name}, signed with another secret", c => Signed(c, Utf8(body), type, secret: "not-the-signing-secret"));
            yield return new($"slack: {name}, replayed 6 minutes later", c => Signed(c, Utf8(body), type, at: DateTimeOffset.UtcNow.AddMinutes(-6)));
            yield return new($"slack: {name}, stamped 10 minutes ahead", c => Signed(c, Utf8(body), type, at: DateTimeOffset.UtcNow.AddMinutes(10)));
            yield return new($"slack: {name}, signature of another body", c => Signed(c, Utf8(body + "&x=1"), type, sendBody: Utf8(body)));
            foreach (var signature in new[] { "", "v0=", "v0=zz", "v1=" + new string('0', 64), "v0=" + new string('0', 64), "garbage" })
            {
                yield return new($"slack: {name}, signature header '{signature}'", c => WithHeaders(c, Utf8(body), type, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), signature));
            }

            foreach (var timestamp in new[] { "", "yesterday", "-1", "99999999999999999999", "1.5" })
            {
                yield return new($"slack: {name}, timestamp '{timestamp}'", c => WithHeaders(c, Utf8(body), type, timestamp, c.SignSlack(Utf8(body), DateTimeOffset.UtcNow, null).Signature));
            }
        }

        foreach (var (name, body) in SignedGarbage())
        {
            yield return new($"slack signed: {name}", c => Signed(c, body.Bytes, body.ContentType), [200, 400, 403, 413, 415]);
        }

        // Correctly signed, but for another workspace or app: a command is refused (403), an event acknowledged (200).
        var ours = "&api_app_id=" + SlackPayloads.AppId;
        yield return new("slack: signed command for another workspace", c => Signed(c, Utf8(Command.Replace("T0TEAM", "T0OTHER", StringComparison.Ordinal) + ours), Form), [403]);
        yield return new("slack: signed command for another app", c => Signed(c, Utf8(Command + "&api_app_id=A0OTHER"), Form), [403]);
        yield return new("slack: signed event for another workspace", c => Signed(c, Utf8(Event.Replace("T0TEAM", "T0OTHER", StringComparison.Ordinal).Replace("A0APP", SlackPayloads.AppId, StringComparison.Ordinal)), Json), [200]);

        var huge = Utf8("text=" + new string('x', 300 * 1024));
        yield return new("slack: 300 KB form, signed", c => Signed(c, huge, Form), [413]);
        yield return new("slack: 300 KB form, unsigned", _ => Raw(HttpMethod.Post, "/slack/events", huge, Form), [413]);
        yield return new("slack: GET", _ => Raw(HttpMethod.Get, "/slack/events"), [405]);
        yield return new("slack: PUT", c => Signed(c, Utf8(Command), Form, method: HttpMethod.Put), [405]);
    }

    private static IEnumerable<(string Name, (byte[] Bytes, string ContentType) Body)> SignedGarbage()
    {
        for (var cut = 1; cut < Event.Length; cut += Event.Length / 12)
        {
            yield return ($"event truncated at {cut}", (Utf8(Event[..cut]), Json));
        }

        for (var cut = 5; cut < Command.Length; cut += Command.Length / 6)
        {
            yield return ($"command truncated at {cut}", (Utf8(Command[..cut]), Form));
        }

        string[] json =
        [
            "{", "[]", "null", "42", "\"text\"", "{\"type\":5}", "{\"type\":\"event_callback\"}",
            "{\"type\":\"event_callback\",\"event_id\":5,\"event\":{}}", "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":\"message\"}",
            "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"type\":5}}", "{\"type\":\"event_callback\",\"event_id\":\"Ev2\",\"event\":{\"type\":\"message\",\"channel\":7,\"ts\":[]}}",
            "{\"type\":\"event_callback\",\"event_id\":\"Ev3\",\"event\":{\"type\":\"app_mention\",\"channel\":null,\"user\":{}}}",
            "{\"type\":\"url_verification\"}", "{\"type\":\"url_verification\",\"challenge\":5}", new string('[', 5000) + new string(']', 5000),
        ];
        foreach (var body in json)
        {
            yield return ($"JSON {Short(body)}", (Utf8(body), Json));
        }

        string[] forms =
        [
            "command=%2Foutage", "team_id=T1&channel_id=C1&user_id=U1&text=x", "command=&team_id=&channel_id=&user_id=", "payload=", "payload=%7B",
            "payload=%5B%5D", "payload=%7B%22type%22%3A5%7D", "payload=%7B%22type%22%3A%22block_actions%22%7D",
            "payload=%7B%22type%22%3A%22view_submission%22%2C%22view%22%3A7%7D", "%%%&&&===", "command=%2Foutage&command=%2Fother",
        ];
        foreach (var body in forms)
        {
            yield return ($"form {Short(body)}", (Utf8(body), Form));
        }

        yield return ("JSON with invalid UTF-8", ([.. Utf8("{\"type\":\"url_verification\",\"challenge\":\""), 0xC3, 0x28, 0xFF, .. Utf8("\"}")], Json));
        yield return ("form with invalid UTF-8", ([.. Utf8("command=%2Foutage&team_id=T1&text="), 0xFF, 0xFE, 0xC0], Form));
        yield return ("JSON sent as a form", (Utf8(Event), Form));
        yield return ("a form sent as JSON", (Utf8(Command), Json));
        yield return ("text/plain", (Utf8(Command), "text/plain"));
        yield return ("application/xml", (Utf8("<xml/>"), "application/xml"));
        yield return ("multipart", (Utf8("--b\r\n\r\nx\r\n--b--"), "multipart/form-data; boundary=b"));
    }

    private static HttpRequestMessage Signed(HostileContext c, byte[] signedBody, string contentType, string? secret = null, DateTimeOffset? at = null, byte[]? sendBody = null, HttpMethod? method = null)
    {
        var (timestamp, signature) = c.SignSlack(signedBody, at ?? DateTimeOffset.UtcNow, secret);
        var request = Raw(method ?? HttpMethod.Post, "/slack/events", sendBody ?? signedBody, contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        return request;
    }

    private static HttpRequestMessage WithHeaders(HostileContext c, byte[] body, string contentType, string timestamp, string signature)
    {
        var request = Raw(HttpMethod.Post, "/slack/events", body, contentType);
        request.Headers.TryAddWithoutValidation("X-Slack-Request-Timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("X-Slack-Signature", signature);
        return request;
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
