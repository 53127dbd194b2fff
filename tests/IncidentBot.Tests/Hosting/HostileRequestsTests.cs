using System.Globalization;
using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Slack;
using IncidentBot.Teams;
using IncidentBot.Tests.Persistence;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Tests.Hosting;

/// <summary>
/// The hostile corpus against one real host with Slack, Teams and the API on: every request gets the answer its case
/// allows and never a 5xx, and afterwards nothing was stored (inbox, incidents, outbox) and nothing sent (Slack, the
/// Bot Connector).
/// </summary>
[NonParallelizable]
internal sealed class HostileRequestsTests
{
    private const string ApiToken = "api-token-for-hostile-tests-0123";
    private static readonly string[] Endpoints = ["slack", "teams", "api", "/status"];

    private TestDatabase database = null!;
    private FakeSlack slack = null!;
    private TestAuthority authority = null!;
    private FakeBotConnector connector = null!;
    private BotHost bot = null!;
    private HostileContext context = null!;

    public static IEnumerable<HostileRequest> Corpus => HostileCorpus.All();

    [OneTimeSetUp]
    public async Task StartBot()
    {
        database = TestDatabase.Create(StorageProvider.Sqlite);
        slack = await FakeSlack.Start();
        authority = new TestAuthority();
        connector = await FakeBotConnector.Start(authority);
        var settings = new Dictionary<string, string?>
        {
            ["Api:Token"] = ApiToken,
            ["Teams:AppId"] = TestAuthority.AppId,
            ["Teams:AppPassword"] = "test-app-password",
            ["Teams:TenantId"] = TeamsActivities.Tenant,
            ["Teams:OpenIdMetadataUrl"] = connector.MetadataUrl,
            ["Teams:TrustedServiceUrls:0"] = connector.ServiceUrl,
        };
        // The corpus stamps its signatures and tokens with the machine's time (a stale or early one on purpose): the host's
        // clock starts there too.
        bot = BotHost.Start(database.Settings, slack, settings, services => services.Replace(ServiceDescriptor.Singleton<IBotTokenSource>(new NoToken())), new TestClock(DateTimeOffset.UtcNow));
        bot.Http.DefaultRequestHeaders.Authorization = null;
        context = new HostileContext(SignSlack, TeamsToken, connector.ServiceUrl, ApiToken);
    }

    [OneTimeTearDown]
    public async Task StopBot()
    {
        await bot.DisposeAsync();
        await connector.DisposeAsync();
        await slack.DisposeAsync();
        authority.Dispose();
        database.Dispose();
    }

    [Test]
    public void The_corpus_has_at_least_200_requests_against_every_public_endpoint()
    {
        var names = Corpus.Select(r => r.Name).ToList();
        Assert.That(names, Has.Count.GreaterThanOrEqualTo(200));
        Assert.That(names, Is.Unique);
        Assert.That(Endpoints, Has.All.Matches<string>(prefix => names.Any(n => n.StartsWith(prefix, StringComparison.Ordinal))));
    }

    [TestCaseSource(nameof(Corpus))]
    public async Task A_hostile_request_is_refused_or_ignored_and_nothing_is_stored_or_sent(HostileRequest hostile)
    {
        using var request = hostile.Build(context);
        using var response = await bot.Http.SendAsync(request);

        var status = (int)response.StatusCode;
        Assert.That(hostile.Accepts(status), Is.True, $"{hostile.Name} got {status}: {await response.Content.ReadAsStringAsync()}");
        Assert.That(await Count("SELECT COUNT(*) FROM inbox"), Is.Zero, "stored in the inbox");
        Assert.That(await Count("SELECT COUNT(*) FROM incidents"), Is.Zero, "an incident was opened");
        Assert.That(await Count("SELECT COUNT(*) FROM outbox"), Is.Zero, "something was queued to send");
        Assert.That(slack.Calls.Where(c => c.Method.StartsWith("chat.", StringComparison.Ordinal) || c.Method.StartsWith("views.", StringComparison.Ordinal) || c.Method.Contains("hooks", StringComparison.Ordinal)), Is.Empty);
        Assert.That(connector.Calls, Is.Empty);
    }

    private static (string, string) SignSlack(byte[] body, DateTimeOffset at, string? secret)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (timestamp, SlackSignature.Sign(secret ?? BotHost.SigningSecret, timestamp, body));
    }

    private string TeamsToken(string? serviceUrl, DateTimeOffset now, string audience, TimeSpan? lifetime, bool unknownKey) =>
        authority.Token(serviceUrl, now, audience: audience.Length == 0 ? TestAuthority.AppId : audience, lifetime: lifetime, unknownKey: unknownKey);

    private async Task<long> Count(string sql)
    {
        await using var db = database.Connect();
        await using var connection = await db.Open(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private sealed class NoToken : IBotTokenSource
    {
        public Task<string?> Token(CancellationToken ct) => Task.FromResult<string?>("test-connector-token");
    }
}
