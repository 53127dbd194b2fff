using System.Net;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Teams;

/// <summary><c>/api/messages</c> refuses every activity whose token fails a check, and stores nothing for it.</summary>
[TestFixture(StorageProvider.Sqlite)]
internal sealed class TeamsEndpointTests(StorageProvider provider) : HostTestBase(provider)
{
    [TestCase(null)]
    [TestCase("Bearer not-a-jwt")]
    public async Task An_activity_without_a_valid_token_gets_401_and_nothing_is_stored(string? authorization)
    {
        using var response = await Post(Activities.ChannelCommand("1", "outage Checkout is down"), authorization);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await StoredActivities(), Is.Zero);
    }

    [Test]
    public async Task A_token_for_another_bot_or_signed_by_an_unknown_key_gets_401()
    {
        var activity = Activities.ChannelCommand("1", "outage Checkout is down");
        var otherBot = Authority.Token(Connector.ServiceUrl, Bot.Clock.GetUtcNow(), audience: Guid.NewGuid().ToString());
        var unknownKey = Authority.Token(Connector.ServiceUrl, Bot.Clock.GetUtcNow(), unknownKey: true);

        using var first = await Post(activity, "Bearer " + otherBot);
        using var second = await Post(activity, "Bearer " + unknownKey);

        Assert.That((first.StatusCode, second.StatusCode), Is.EqualTo((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)));
        Assert.That(await StoredActivities(), Is.Zero);
    }

    [Test]
    public async Task A_token_issued_for_another_serviceUrl_gets_401()
    {
        var activity = Activities.ChannelCommand("1", "outage Checkout is down");
        var token = Authority.Token("https://smba.trafficmanager.net/emea/", Bot.Clock.GetUtcNow());

        using var response = await Post(activity, "Bearer " + token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await StoredActivities(), Is.Zero);
    }

    [Test]
    public async Task A_valid_activity_is_stored_and_answered_200()
    {
        using var response = await Post(Activities.ChannelCommand("1", "outage Checkout is down"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StoredActivities(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_endpoint_is_off_without_an_app_id()
    {
        // A database of its own: a second bot on the shared one would work on the next tests' requests.
        using var database = TestDatabase.Create(Database.Provider);
        await using var off = BotHost.Start(database.Settings, slack: null);

        using var response = await off.Http.PostAsync("/api/messages", new StringContent("{\"type\":\"message\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
