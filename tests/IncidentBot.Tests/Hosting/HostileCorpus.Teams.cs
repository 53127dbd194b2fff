using System.Text.Json.Nodes;
using static IncidentBot.Tests.Hosting.HostileRequest;

namespace IncidentBot.Tests.Hosting;

/// <summary><c>/api/messages</c>: missing, forged, expired, wrong-audience and wrong-issuer tokens; malformed bodies with a valid token.</summary>
internal static partial class HostileCorpus
{
    private const string Path = "/api/messages";

    private static IEnumerable<HostileRequest> Teams()
    {
        var activities = new (string Name, Func<string, JsonObject> Make)[]
        {
            ("a channel command", url => Activity(url, "<at>IncidentBot</at> outage Checkout down")),
            ("a personal command", url => Activity(url, "outage Checkout down", conversationType: "personal")),
            ("an invoke", url => Activity(url, "", type: "invoke")),
        };
        foreach (var (name, make) in activities)
        {
            yield return new($"teams: {name}, no Authorization", c => Post(make(c.ServiceUrl), null));
            foreach (var header in new[] { "Bearer", "Bearer ", "Bearer not-a-jwt", "Basic dXNlcjpwYXNz", "bearer a.b.c", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." })
            {
                yield return new($"teams: {name}, Authorization '{header}'", c => Post(make(c.ServiceUrl), header));
            }

            yield return new($"teams: {name}, token signed by an unknown key", c => Post(make(c.ServiceUrl), "Bearer " + c.TeamsToken(c.ServiceUrl, DateTimeOffset.UtcNow, "", null, true)));
            yield return new($"teams: {name}, expired token", c => Post(make(c.ServiceUrl), "Bearer " + c.TeamsToken(c.ServiceUrl, DateTimeOffset.UtcNow.AddHours(-3), "", TimeSpan.FromHours(1), false)));
            yield return new($"teams: {name}, token for another bot", c => Post(make(c.ServiceUrl), "Bearer " + c.TeamsToken(c.ServiceUrl, DateTimeOffset.UtcNow, Guid.NewGuid().ToString(), null, false)));
            yield return new($"teams: {name}, token for another serviceUrl", c => Post(make(c.ServiceUrl), "Bearer " + c.TeamsToken("https://smba.trafficmanager.net/emea/", DateTimeOffset.UtcNow, "", null, false)));
            yield return new($"teams: {name}, token without a serviceUrl", c => Post(make(c.ServiceUrl), "Bearer " + c.TeamsToken(null, DateTimeOffset.UtcNow, "", null, false)));
            yield return new($"teams: {name}, valid token but forged serviceUrl", c => Post(make("https://attacker.example/"), "Bearer " + c.TeamsToken(c.ServiceUrl, DateTimeOffset.UtcNow, "", null, false)));
        }

        string[] bodies =
        [
            "", "{", "[]", "null", "42", "{}", "{\"type\":\"\"}", "{\"type\":5}", "{\"type\":\"message\",\"from\":\"x\"}",
            "{\"type\":\"message\",\"conversation\":7}", "{\"type\":[\"message\"]}", new string('[', 3000) + new string(']', 3000),
        ];
        foreach (var body in bodies)
        {
            yield return new($"teams: body {Short(body)}, valid token", c => WithToken(c, Utf8(body), "application/json"), [400]);
        }

        yield return new("teams: invalid UTF-8, valid token", c => WithToken(c, [.. Utf8("{\"type\":\"mess"), 0xC3, 0x28, .. Utf8("age\"}")], "application/json"), [400]);
        yield return new("teams: 300 KB body, valid token", c => WithToken(c, Utf8("{\"type\":\"message\",\"text\":\"" + new string('x', 300 * 1024) + "\"}"), "application/json"), [413]);
        yield return new("teams: GET", _ => Raw(HttpMethod.Get, Path), [405]);
        yield return new("teams: message from another tenant, valid token", c => WithToken(c, Utf8(ForeignTenant(c.ServiceUrl).ToJsonString()), "application/json"), [403]);
        yield return new("teams: invoke this bot does not handle, valid token", c => WithToken(c, Utf8(UnhandledInvoke(c.ServiceUrl).ToJsonString()), "application/json"), [400]);
    }

    private static JsonObject ForeignTenant(string serviceUrl)
    {
        var activity = Activity(serviceUrl, "outage Checkout down");
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "00000000-0000-0000-0000-00000000bad0" } };
        return activity;
    }

    private static JsonObject UnhandledInvoke(string serviceUrl)
    {
        var activity = Activity(serviceUrl, "", type: "invoke");
        activity["name"] = "composeExtension/query";
        return activity;
    }

    private static JsonObject Activity(string serviceUrl, string text, string type = "message", string conversationType = "channel") => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-11-30T08:00:00Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:evil", ["name"] = "Evil" },
        ["conversation"] = new JsonObject { ["id"] = "19:abc@thread.tacv2", ["conversationType"] = conversationType },
        ["recipient"] = new JsonObject { ["id"] = "28:11111111-2222-3333-4444-555555555555" },
        ["text"] = text,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "50612dbb-0237-4969-b378-8d42590f9c00" } },
    };

    private static HttpRequestMessage Post(JsonObject activity, string? authorization)
    {
        var request = Raw(HttpMethod.Post, Path, Utf8(activity.ToJsonString()), "application/json");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private static HttpRequestMessage WithToken(HostileContext c, byte[] body, string contentType)
    {
        var request = Raw(HttpMethod.Post, Path, body, contentType);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + c.TeamsToken(c.ServiceUrl, DateTimeOffset.UtcNow, "", null, false));
        return request;
    }
}
