using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Teams;
using IncidentBot.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Tests.Support;

/// <summary>
/// The real bot with Teams on, its inbound tokens from a <see cref="TestAuthority"/> and its Connector a
/// <see cref="FakeBotConnector"/>; only the outbound token source is swapped (MSAL will not talk to a loopback
/// authority). One fresh database per test, per storage provider.
/// </summary>
internal abstract class TeamsHostTestBase(StorageProvider provider)
{
    public const string BotToken = "test-connector-token";

    protected TestDatabase Database { get; private set; } = null!;

    protected TestAuthority Authority { get; private set; } = null!;

    protected FakeBotConnector Connector { get; private set; } = null!;

    protected TeamsActivities Activities { get; private set; } = null!;

    protected BotHost Bot { get; private set; } = null!;

    [SetUp]
    public async Task StartBot()
    {
        Database = TestDatabase.Create(provider);
        Authority = new TestAuthority();
        Connector = await FakeBotConnector.Start(Authority);
        Activities = new TeamsActivities(Connector.ServiceUrl);
        var settings = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = TestAuthority.AppId,
            ["Teams:AppPassword"] = "test-app-password",
            ["Teams:TenantId"] = TeamsActivities.Tenant,
            ["Teams:OpenIdMetadataUrl"] = Connector.MetadataUrl,
            ["Teams:TrustedServiceUrls:0"] = Connector.ServiceUrl,
        };
        foreach (var (key, value) in ExtraSettings())
        {
            settings[key] = value;
        }

        Bot = BotHost.Start(Database.Settings, slack: null, settings, services => services.Replace(ServiceDescriptor.Singleton<IBotTokenSource>(new FixedToken())));
    }

    [TearDown]
    public async Task StopBot()
    {
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        if (Connector is not null)
        {
            await Connector.DisposeAsync();
        }

        Authority?.Dispose();
        Database?.Dispose();
    }

    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>();

    /// <summary>POSTs the activity to /api/messages with a Connector token for its serviceUrl (or the given header).</summary>
    protected async Task<HttpResponseMessage> Post(JsonObject activity, string? authorization = "valid")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TeamsEndpoint.Path) { Content = JsonContent(activity) };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization == "valid"
                ? "Bearer " + Authority.Token(activity["serviceUrl"]!.GetValue<string>(), Bot.Clock.GetUtcNow())
                : authorization);
        }

        return await Bot.Http.SendAsync(request);
    }

    protected async Task<long> StoredActivities()
    {
        await using var database = Database.Connect();
        await using var connection = await database.Open(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE platform = 'teams'");
    }

    /// <summary>Declares in the channel and waits until the reply chain is open; returns its conversation id.</summary>
    protected async Task<string> Declare(string text, string id = "1000")
    {
        using var response = await Post(Activities.ChannelCommand(id, "outage " + text));
        Assert.That(response.IsSuccessStatusCode, Is.True);
        var incident = await Eventually.Get(() => Bot.Incident(1), i => i?["thread"]?["id"] is not null, "INC-1's reply chain to open");
        return incident!["thread"]!["id"]!.GetValue<string>();
    }

    private static StringContent JsonContent(JsonObject activity) => new(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private sealed class FixedToken : IBotTokenSource
    {
        public Task<string?> Token(CancellationToken ct) => Task.FromResult<string?>(BotToken);
    }
}
