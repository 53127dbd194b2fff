using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Storm;

/// <summary>
/// Slack's Web API as the bot needs it during a storm, on a loopback port, in a process of its own: posts get a ts at
/// once, people are not guests, and slash-command answers to response URLs are taken. Not in the load generator's
/// process: the bot's calls to Slack (an answer to every slash command, for one) would otherwise be served by the
/// threads that send the load and time the answers, and a late answer would be counted against the bot for work a
/// real Slack does on its own machines.
/// </summary>
internal static class FakeSlackApi
{
    private static long nextTs = 1_800_000_000_000_001;

    /// <summary>The ts and text of every top-level post, for <c>GET /bench/roots</c>: the incident thread is among them.</summary>
    private static readonly ConcurrentQueue<JsonObject> Roots = new();

    public static async Task Serve()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/{method}", Answer);
        app.MapPost("/hooks/{**path}", () => Results.Text("ok"));
        app.MapGet("/bench/roots", () => Results.Json(Roots.ToArray()));
        await app.StartAsync();
        Console.WriteLine("listening " + app.Urls.First());
        await app.WaitForShutdownAsync();
    }

    private static async Task<IResult> Answer(string method, HttpRequest request)
    {
        var body = request.HasJsonContentType() ? await JsonNode.ParseAsync(request.Body) as JsonObject ?? [] : [];
        return method switch
        {
            "chat.postMessage" => Posted(body),
            "chat.postEphemeral" => Results.Json(new { ok = true, message_ts = Ts() }),
            "conversations.open" => Results.Json(new { ok = true, channel = new { id = "D" + body["users"] } }),
            "conversations.history" => Results.Json(new { ok = true, messages = Array.Empty<object>(), has_more = false }),
            "users.info" => Results.Json(new { ok = true, user = new { id = body["user"]?.ToString(), name = "someone", is_restricted = false, is_ultra_restricted = false, profile = new { display_name = "Someone" } } }),
            "auth.test" => Results.Json(new { ok = true, team_id = SlackRequests.TeamId, user_id = "U0BOT", bot_id = "B0BENCH" }),
            "bots.info" => Results.Json(new { ok = true, bot = new { id = "B0BENCH", app_id = SlackRequests.AppId, user_id = "U0BOT" } }),
            "views.open" or "views.publish" or "views.update" => Results.Json(new { ok = true, view = new { id = "V" + Ts() } }),
            _ => Results.Json(new { ok = true }),
        };
    }

    private static IResult Posted(JsonObject body)
    {
        var ts = Ts();
        if (body["thread_ts"] is null)
        {
            Roots.Enqueue(new JsonObject { ["ts"] = ts, ["text"] = body["text"]?.ToString() ?? "" });
        }

        return Results.Json(new { ok = true, channel = body["channel"]?.ToString(), ts });
    }

    private static string Ts()
    {
        var micros = Interlocked.Increment(ref nextTs);
        return $"{micros / 1_000_000}.{micros % 1_000_000:D6}";
    }
}
