using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Core.Reminders;
using IncidentBot.Slack;
using IncidentBot.Teams;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Tests.Support;

/// <summary>
/// The real IncidentBot host (its Program) on a loopback port, with only the edges swapped: the database, Slack's
/// API base URL and credentials, Teams' Bot Connector and token authority (given a <see cref="FakeBotConnector"/>; only
/// the outbound token source is swapped, since MSAL will not talk to a loopback authority), the clock (a <see cref="TestClock"/> the test advances) and, unless a test asks for
/// Quartz, the reminders port (<see cref="InMemoryReminders"/> on that clock). Dispose and start another on the same
/// settings and clock to simulate a restart.
/// </summary>
internal sealed class BotHost : WebApplicationFactory<Program>
{
    public const string SigningSecret = "test-signing-secret-0123456789";
    public const string BotToken = "xoxb-test-bot-token";

    /// <summary>The <c>Api:Token</c> every test host has unless a test sets another (or "" for none); <see cref="Http"/> sends it.</summary>
    public const string ApiToken = "api-token-for-host-tests-0123456789";

    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;
    private readonly bool quartz;
    private readonly bool teams;

    private BotHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services, TestClock clock, bool quartz, bool teams)
    {
        this.settings = settings;
        this.services = services;
        this.quartz = quartz;
        this.teams = teams;
        Clock = clock;
        UseKestrel(0);
    }

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The host's only clock: advance it to make reminders, nags and overdue checks come due.</summary>
    public TestClock Clock { get; }

    /// <summary>The reminders port on <see cref="Clock"/> (the host was not started with Quartz).</summary>
    public InMemoryReminders Reminders => Services.GetRequiredService<IReminders>() as InMemoryReminders
        ?? throw new InvalidOperationException("This host schedules with Quartz; it has no in-memory reminders.");

    /// <summary>
    /// Starts the bot with Slack pointed at <paramref name="slack"/>, on the given database settings;
    /// <paramref name="services"/> swaps registrations that cannot be pointed at a fake by settings alone. A restart
    /// passes the <paramref name="clock"/> of the host it replaces; <paramref name="quartz"/> keeps the real scheduler
    /// and its durable store (on the same clock), for tests of what survives a restart. With a <paramref name="connector"/>
    /// Teams is on as well, pointed at it.
    /// </summary>
    public static BotHost Start(
        IReadOnlyDictionary<string, string?> database,
        FakeSlack? slack,
        IReadOnlyDictionary<string, string?>? extra = null,
        Action<IServiceCollection>? services = null,
        TestClock? clock = null,
        bool quartz = false,
        FakeBotConnector? connector = null)
    {
        var all = new Dictionary<string, string?>(database)
        {
            ["Delivery:PollInterval"] = "00:00:00.200",
            ["Delivery:BaseBackoff"] = "00:00:00.100",
            ["Delivery:MaxBackoff"] = "00:00:00.500",
            ["Delivery:ChannelPace"] = "00:00:00",
            ["Api:Token"] = ApiToken,
        };
        if (slack is not null)
        {
            all["Slack:SigningSecret"] = SigningSecret;
            all["Slack:BotToken"] = BotToken;
            all["Slack:ApiBaseUrl"] = slack.ApiBaseUrl;
        }

        foreach (var (key, value) in connector?.BotSettings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new BotHost(all, services, clock ?? new TestClock(), quartz, connector is not null);
        host.StartServer();
        host.Http = host.CreateClient();
        host.RestoreApiToken();
        return host;
    }

    /// <summary>Sends <c>Api:Token</c> again (a test on a shared host may have taken it off <see cref="Http"/> or changed it).</summary>
    public void RestoreApiToken() => Http.DefaultRequestHeaders.Authorization = settings["Api:Token"] is { Length: > 0 } token
        ? new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token)
        : null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Tests of Development-only behaviour pass the setting "environment".
        builder.UseEnvironment(settings.GetValueOrDefault("environment") ?? "Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(replaced =>
        {
            replaced.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            if (!quartz)
            {
                replaced.Replace(ServiceDescriptor.Singleton<IReminders, InMemoryReminders>());
            }

            if (teams)
            {
                replaced.Replace(ServiceDescriptor.Singleton<IBotTokenSource>(new FixedToken()));
            }

            services?.Invoke(replaced);
        });
    }

    /// <summary>POSTs a body to /slack/events signed as Slack would sign it now (by the host's clock, unless <paramref name="at"/>).</summary>
    public async Task<HttpResponseMessage> PostSlack(string body, string contentType, string? secret = null, DateTimeOffset? at = null, int? retryNum = null)
    {
        var timestamp = (at ?? Clock.GetUtcNow()).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
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

    private sealed class FixedToken : IBotTokenSource
    {
        public Task<string?> Token(CancellationToken ct) => Task.FromResult<string?>(FakeBotConnector.BotToken);
    }
}
