using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Support;

/// <summary>
/// The real IncidentBot host (its Program) on a loopback port, with only the edges swapped: the database, Slack's
/// API base URL and credentials. Dispose and start another on the same settings to simulate a restart.
/// </summary>
internal sealed class BotHost : WebApplicationFactory<Program>
{
    public const string SigningSecret = "test-signing-secret-0123456789";
    public const string BotToken = "xoxb-test-bot-token";

    /// <summary>The <c>Api:Token</c> every test host has unless a test sets another (or "" for none); <see cref="Http"/> sends it.</summary>
    public const string ApiToken = "api-token-for-host-tests-0123456789";

    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;

    private BotHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        this.settings = settings;
        this.services = services;
        UseKestrel(0);
    }

    public HttpClient Http { get; private set; } = null!;

    /// <summary>
    /// Starts the bot with Slack pointed at <paramref name="slack"/>, on the given database settings;
    /// <paramref name="services"/> swaps registrations that cannot be pointed at a fake by settings alone.
    /// </summary>
    public static BotHost Start(
        IReadOnlyDictionary<string, string?> database, FakeSlack? slack, IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(database)
        {
            ["Delivery:PollInterval"] = "00:00:00.200",
            ["Delivery:BaseBackoff"] = "00:00:00.100",
            ["Delivery:MaxBackoff"] = "00:00:00.500",
            ["Delivery:ChannelPace"] = "00:00:00",
            // End-of-day nags follow the real clock here: a tiny lead time and grace keep them out of unrelated tests.
            ["Handoff:LeadTime"] = "00:00:00.001",
            ["Handoff:Grace"] = "00:00:00.001",
            ["Api:Token"] = ApiToken,
        };
        if (slack is not null)
        {
            all["Slack:SigningSecret"] = SigningSecret;
            all["Slack:BotToken"] = BotToken;
            all["Slack:ApiBaseUrl"] = slack.ApiBaseUrl;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new BotHost(all, services);
        host.StartServer();
        host.Http = host.CreateClient();
        if (all["Api:Token"] is { Length: > 0 } token)
        {
            host.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Tests of Development-only behaviour pass the setting "environment".
        builder.UseEnvironment(settings.GetValueOrDefault("environment") ?? "Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>POSTs a body to /slack/events signed as Slack would sign it now.</summary>
    public async Task<HttpResponseMessage> PostSlack(string body, string contentType, string? secret = null, DateTimeOffset? at = null, int? retryNum = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Sign(secret ?? SigningSecret, timestamp, bytes));
        if (retryNum is { } retry)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SlashCommand(string text, string user = "U0ALICE", string channel = "C0OPS", string? responseUrl = null, string? triggerId = null) =>
        PostSlack(SlackPayloads.SlashCommand(text, user, channel, responseUrl, triggerId), "application/x-www-form-urlencoded");

    /// <summary>An interactivity payload (button press, modal submission) from this workspace and app, as Slack stamps it.</summary>
    public Task<HttpResponseMessage> Interaction(string payloadJson)
    {
        var payload = JsonNode.Parse(payloadJson)!.AsObject();
        payload["team"] ??= new JsonObject { ["id"] = SlackPayloads.TeamId };
        payload["api_app_id"] ??= SlackPayloads.AppId;
        return PostSlack("payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");
    }

    public Task<HttpResponseMessage> Event(string eventId, JsonObject inner, int? retryNum = null) =>
        PostSlack(SlackPayloads.EventCallback(eventId, inner), "application/json", retryNum: retryNum);

    public async Task<JsonObject?> Incident(int number)
    {
        var response = await Http.GetAsync($"/api/incidents/{number}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    public async Task<JsonArray> Incidents() => (await Http.GetFromJsonAsync<JsonArray>("/api/incidents"))!;
}
