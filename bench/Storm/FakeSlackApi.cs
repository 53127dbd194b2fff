using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Storm;

/// <summary>
/// Slack's Web API as the bot needs it during a storm, on a loopback port: posts get a ts at once, people are not
/// guests, and slash-command answers to response URLs are taken. It counts posts per thread to show none came twice.
/// </summary>
internal sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication app;
    private long nextTs = 1_800_000_000_000_001;

    private FakeSlackApi(WebApplication app) => this.app = app;

    public string ApiBaseUrl => app.Urls.First() + "/api/";

    public string HooksBaseUrl => app.Urls.First() + "/hooks/";

    /// <summary>The ts of every top-level post, with its text: the incident thread the replies go to is among them.</summary>
    public ConcurrentQueue<(string Ts, string Text)> Roots { get; } = new();

    public static async Task<FakeSlackApi> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.MapPost("/api/{method}", fake.Answer);
        app.MapPost("/hooks/{**path}", () => Results.Text("ok"));
        await app.StartAsync();
        return fake;
    }

    private async Task<IResult> Answer(string method, HttpRequest request)
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

    private IResult Posted(JsonObject body)
    {
        var ts = Ts();
        if (body["thread_ts"] is null)
        {
            Roots.Enqueue((ts, body["text"]?.ToString() ?? ""));
        }

        return Results.Json(new { ok = true, channel = body["channel"]?.ToString(), ts });
    }

    private string Ts()
    {
        var micros = Interlocked.Increment(ref nextTs);
        return $"{micros / 1_000_000}.{micros % 1_000_000:D6}";
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
