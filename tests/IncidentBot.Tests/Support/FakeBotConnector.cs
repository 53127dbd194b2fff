using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Support;

/// <summary>
/// The Bot Framework on a loopback port, written for the tests: the OpenID metadata and signing keys of a
/// <see cref="TestAuthority"/>, and a Bot Connector that records every call, answers like Teams (a reply chain
/// <c>…;messageid=</c> for a channel conversation, <c>a:…</c> for a 1:1 chat) and can be told to answer 429.
/// </summary>
internal sealed class FakeBotConnector : IAsyncDisposable
{
    /// <summary>The token the bot sends to the Connector: host tests swap MSAL for a source that always gives this one.</summary>
    public const string BotToken = "test-connector-token";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<ConnectorCall> calls = new();
    private readonly ConcurrentQueue<int> rateLimits = new();
    private long nextId = 1_767_000_000_000;

    private FakeBotConnector(WebApplication app, TestAuthority authority)
    {
        this.app = app;
        Authority = authority;
    }

    public TestAuthority Authority { get; }

    /// <summary>The serviceUrl activities carry; the connector is at its v3/ paths.</summary>
    public string ServiceUrl => BaseUrl + "/amer/tenant/";

    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    public int MetadataRequests { get; private set; }

    /// <summary>The settings that turn Teams on in a bot and point it at this connector and its authority.</summary>
    public IReadOnlyDictionary<string, string?> BotSettings => new Dictionary<string, string?>
    {
        ["Teams:AppId"] = TestAuthority.AppId,
        ["Teams:AppPassword"] = "test-app-password",
        ["Teams:TenantId"] = TeamsActivities.Tenant,
        ["Teams:OpenIdMetadataUrl"] = MetadataUrl,
        ["Teams:TrustedServiceUrls:0"] = ServiceUrl,
    };

    public IReadOnlyList<ConnectorCall> Calls => [.. calls];

    /// <summary>Users whose roster entry says <c>userRole: guest</c>; everyone else is a <c>user</c>.</summary>
    public ConcurrentDictionary<string, byte> Guests { get; } = new(StringComparer.Ordinal);

    /// <summary>Per conversation, users who are not on its roster (the members call answers 404 for them).</summary>
    public ConcurrentDictionary<(string Conversation, string User), byte> NotMembers { get; } = new();

    private string BaseUrl => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<FakeBotConnector> Start(TestAuthority authority)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotConnector(app, authority);
        app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            fake.MetadataRequests++;
            return Results.Json(TestAuthority.Metadata(fake.BaseUrl + "/v1/.well-known/keys"));
        });
        app.MapGet("/v1/.well-known/keys", () => Results.Json(fake.Authority.Jwks()));
        app.MapPost("/amer/tenant/v3/conversations", fake.Create);
        app.MapPost("/amer/tenant/v3/conversations/{conversation}/activities", fake.Send);
        app.MapGet("/amer/tenant/v3/conversations/{conversation}/members/{user}", fake.Member);
        await app.StartAsync();
        return fake;
    }

    /// <summary>
    /// Forgets every call, scripted 429, guest and non-member of an earlier test, for the next test on a shared host.
    /// Ids run on, so no conversation or activity id is handed out twice; the authority keeps its keys, which the bot
    /// has cached.
    /// </summary>
    public void Reset()
    {
        calls.Clear();
        rateLimits.Clear();
        Guests.Clear();
        NotMembers.Clear();
    }

    /// <summary>
    /// The next conversation creation (a thread root) answers 429 with this Retry-After. Only creations: other sends
    /// (answers, DMs) go out concurrently and could otherwise take the 429 first.
    /// </summary>
    public void RateLimitNextCreate(int retryAfterSeconds) => rateLimits.Enqueue(retryAfterSeconds);

    private async Task<IResult> Create(HttpRequest request)
    {
        var body = await Record("create", null, request);
        if (RateLimited(request.HttpContext.Response) is { } limited)
        {
            return limited;
        }

        var id = NextId();
        return body["isGroup"]?.GetValue<bool>() == true
            ? Results.Json(new { id = $"{body["channelData"]!["channel"]!["id"]};messageid={id}", activityId = id })
            : Results.Json(new { id = "a:dm-" + body["members"]![0]!["id"] });
    }

    private async Task<IResult> Send(string conversation, HttpRequest request)
    {
        await Record("send", conversation, request);
        return Results.Json(new { id = NextId() });
    }

    /// <summary>A roster entry as Teams gives it (TeamsChannelAccount), with <c>userRole</c>.</summary>
    private IResult Member(string conversation, string user, HttpRequest request)
    {
        calls.Enqueue(new ConnectorCall("member", conversation, new JsonObject { ["user"] = user }, request.Headers.Authorization.ToString()));
        return NotMembers.ContainsKey((conversation, user))
            ? Results.Json(new { error = new { code = "MemberNotFoundInConversation", message = "not a member" } }, statusCode: StatusCodes.Status404NotFound)
            : Results.Json(new { id = user, name = "Name of " + user, userRole = Guests.ContainsKey(user) ? "guest" : "user", tenantId = TeamsActivities.Tenant });
    }

    private IResult? RateLimited(HttpResponse response)
    {
        if (!rateLimits.TryDequeue(out var seconds))
        {
            return null;
        }

        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(new { error = new { code = "TooManyRequests", message = "slow down" } }, statusCode: StatusCodes.Status429TooManyRequests);
    }

    private async Task<JsonObject> Record(string operation, string? conversation, HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
        calls.Enqueue(new ConnectorCall(operation, conversation, body, request.Headers.Authorization.ToString()));
        return body;
    }

    private string NextId() => Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One call the bot made to the fake connector: <c>create</c> (a conversation), <c>send</c> (into one) or <c>member</c> (a roster look-up).</summary>
internal sealed record ConnectorCall(string Operation, string? Conversation, JsonObject Body, string Authorization)
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The activity sent: the body of a send, the <c>activity</c> of a create.</summary>
    public JsonObject? Activity => Operation == "send" ? Body : Body["activity"] as JsonObject;

    /// <summary>The card of the activity, as JSON text without \u003C-style escapes.</summary>
    public string Card => Activity?["attachments"]?[0]?["content"]?.ToJsonString(Readable) ?? "";
}
