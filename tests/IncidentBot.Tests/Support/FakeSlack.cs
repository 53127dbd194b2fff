using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Support;

/// <summary>
/// A Slack Web API on a loopback port, written for the tests: records every call, answers chat.postMessage with a
/// fresh ts, and can be told to fail (429 with Retry-After, 503 while "down") to show the bot's retries. It also
/// serves Socket Mode (<c>apps.connections.open</c> and the WebSocket behind it): see FakeSlack.Sockets.cs.
/// </summary>
internal sealed partial class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<SlackCall> calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpResponse, IResult>>> scripted = new();
    private long nextTs = 1_700_000_000_000_100;

    private FakeSlack(WebApplication app) => this.app = app;

    /// <summary>While true every call answers 503, as Slack does during its own outages.</summary>
    public bool Down { get; set; }

    public string ApiBaseUrl => BaseUrl + "/api/";

    public string ResponseUrl(string id) => $"{BaseUrl}/hooks/commands/{id}";

    public IReadOnlyList<SlackCall> Calls => calls.ToList();

    /// <summary>The workspace <c>auth.test</c> names, the one <see cref="SlackPayloads"/> requests come from.</summary>
    public const string TeamId = SlackPayloads.TeamId;

    /// <summary>Users <c>users.info</c> describes as guests (<c>is_restricted</c>); everyone else is a full member.</summary>
    public ConcurrentDictionary<string, byte> Guests { get; } = new(StringComparer.Ordinal);

    /// <summary>Display names <c>users.info</c> gives; without one a user has none.</summary>
    public ConcurrentDictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>Per channel, the members <c>conversations.members</c> lists; a channel not here lists nobody.</summary>
    public ConcurrentDictionary<string, string[]> ChannelMembers { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<SlackCall> CallsTo(string method) => calls.Where(c => c.Method == method).ToList();

    private string BaseUrl => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<FakeSlack> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.UseWebSockets();
        app.Map("/link", fake.AcceptSocket);
        app.MapPost("/api/{method}", fake.Api);
        app.MapPost("/hooks/{**path}", fake.Hook);
        await app.StartAsync();
        return fake;
    }

    /// <summary>
    /// Forgets every call, script and user the previous test set, for the next test on a shared host. The ts counter
    /// runs on: a ts is never handed out twice, so nothing the bot remembers by ts can match a later test's message.
    /// </summary>
    public void Reset()
    {
        calls.Clear();
        scripted.Clear();
        Down = false;
        SayHello = true;
        Guests.Clear();
        Names.Clear();
        ChannelMembers.Clear();
        ForgetHistory();
    }

    /// <summary>The next call to <paramref name="method"/> answers 429 with this Retry-After.</summary>
    public void RateLimitNext(string method, int retryAfterSeconds) => Script(method, response =>
    {
        response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(new { ok = false, error = "ratelimited" }, statusCode: StatusCodes.Status429TooManyRequests);
    });

    /// <summary>The next call to <paramref name="method"/> answers HTTP 200 with <c>ok:false</c> and this error.</summary>
    public void FailWith(string method, string error) => Script(method, _ => Results.Json(new { ok = false, error }));

    private void Script(string method, Func<HttpResponse, IResult> answer) => scripted.GetOrAdd(method, _ => new()).Enqueue(answer);

    private async Task<IResult> Api(string method, HttpRequest request)
    {
        // Methods without arguments (apps.connections.open) come as an empty form; read methods as a form.
        var body = request.HasJsonContentType() ? await JsonNode.ParseAsync(request.Body) as JsonObject ?? []
            : request.HasFormContentType ? new JsonObject((await request.ReadFormAsync()).Select(f => KeyValuePair.Create<string, JsonNode?>(f.Key, f.Value.ToString())))
            : [];
        calls.Enqueue(new SlackCall(method, body, request.Headers.Authorization.ToString(), DateTimeOffset.UtcNow));
        if (Down)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var answer))
        {
            return answer(request.HttpContext.Response);
        }

        return method switch
        {
            "chat.postMessage" => PostMessage(body, request.HttpContext),
            "conversations.history" => History(body),
            "conversations.replies" => Replies(body),
            "chat.postEphemeral" => Results.Json(new { ok = true, message_ts = NextTs() }),
            "views.open" => Results.Json(new { ok = true, view = new { id = "V" + NextTs() } }),
            "apps.connections.open" => Results.Json(new { ok = true, url = NextSocketUrl() }),
            "views.publish" => Results.Json(new { ok = true, view = new { id = "V" + NextTs() } }),
            "chat.getPermalink" => Results.Json(new { ok = true, permalink = Permalink(body["channel"]?.GetValue<string>(), body["message_ts"]?.GetValue<string>()) }),
            "conversations.open" => Results.Json(new { ok = true, channel = new { id = "D" + body["users"]?.GetValue<string>() } }),
            "users.info" => UserInfo(body["user"]?.GetValue<string>() ?? ""),
            "conversations.members" => Results.Json(new { ok = true, members = ChannelMembers.GetValueOrDefault(body["channel"]?.GetValue<string>() ?? "", []), response_metadata = new { next_cursor = "" } }),
            "auth.test" => Results.Json(new { ok = true, team_id = TeamId, user_id = SlackPayloads.BotUserId, bot_id = "B0TEST" }),
            "bots.info" => Results.Json(new { ok = true, bot = new { id = "B0TEST", app_id = SlackPayloads.AppId, user_id = SlackPayloads.BotUserId } }),
            _ => Results.Json(new { ok = false, error = "unknown_method" }),
        };
    }

    /// <summary>The link <c>chat.getPermalink</c> gives for a message, as Slack shapes it.</summary>
    public static string Permalink(string? channel, string? ts) => $"https://example.slack.com/archives/{channel}/p{ts?.Replace(".", "", StringComparison.Ordinal)}";

    private IResult UserInfo(string user) => Results.Json(new
    {
        ok = true,
        user = new
        {
            id = user,
            name = user.ToLowerInvariant(),
            is_restricted = Guests.ContainsKey(user),
            is_ultra_restricted = false,
            profile = new { display_name = Names.GetValueOrDefault(user, ""), real_name = "" },
        },
    });

    private async Task<IResult> Hook(HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
        calls.Enqueue(new SlackCall("response_url:" + request.Path, body, request.Headers.Authorization.ToString(), DateTimeOffset.UtcNow));
        return Down ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Text("ok");
    }

    private string NextTs()
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

/// <summary>One call the bot made to the fake Slack.</summary>
internal sealed record SlackCall(string Method, JsonObject Body, string Authorization, DateTimeOffset At)
{
    public string? Text => Body["text"]?.GetValue<string>();

    public string? Channel => Body["channel"]?.GetValue<string>();

    public string? ThreadTs => Body["thread_ts"]?.GetValue<string>();

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body as JSON text without \u003C-style escapes, so tests can look for what Slack would show.</summary>
    public string Json => Body.ToJsonString(Readable);
}
