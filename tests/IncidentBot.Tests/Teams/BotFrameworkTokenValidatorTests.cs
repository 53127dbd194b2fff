using IncidentBot.Teams;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Teams;

/// <summary>Inbound tokens checked against a test authority on loopback: keys, issuer, audience, lifetime, serviceurl, endorsements.</summary>
internal sealed class BotFrameworkTokenValidatorTests
{
    private TestAuthority authority = null!;
    private FakeBotConnector connector = null!;
    private ServiceProvider services = null!;
    private ManualClock clock = null!;
    private BotFrameworkTokenValidator validator = null!;

    [SetUp]
    public async Task Start()
    {
        authority = new TestAuthority();
        connector = await FakeBotConnector.Start(authority);
        services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        clock = new ManualClock();
        var options = new TeamsOptions { AppId = TestAuthority.AppId, AppPassword = "secret", OpenIdMetadataUrl = connector.MetadataUrl };
        validator = new BotFrameworkTokenValidator(Options.Create(options), services.GetRequiredService<IHttpClientFactory>(), clock);
    }

    [TearDown]
    public async Task Stop()
    {
        await connector.DisposeAsync();
        await services.DisposeAsync();
        authority.Dispose();
    }

    [Test]
    public async Task A_token_from_the_connector_for_this_bot_and_serviceUrl_is_valid()
    {
        Assert.That(await Check(authority.Token(connector.ServiceUrl, clock.GetUtcNow())), Is.EqualTo(TokenCheck.Valid));
    }

    [Test]
    public async Task The_serviceurl_claim_is_compared_without_regard_to_case()
    {
        Assert.That(await Check(authority.Token(connector.ServiceUrl.ToUpperInvariant(), clock.GetUtcNow())), Is.EqualTo(TokenCheck.Valid));
    }

    [Test]
    public async Task Another_issuer_is_refused()
    {
        Assert.That(await Check(authority.Token(connector.ServiceUrl, clock.GetUtcNow(), issuer: "https://sts.windows.net/evil/")), Is.EqualTo(TokenCheck.Invalid));
    }

    [Test]
    public async Task A_token_for_another_bot_is_refused()
    {
        Assert.That(await Check(authority.Token(connector.ServiceUrl, clock.GetUtcNow(), audience: Guid.NewGuid().ToString())), Is.EqualTo(TokenCheck.Invalid));
    }

    [Test]
    public async Task An_expired_token_is_refused_after_five_minutes_of_skew()
    {
        var token = authority.Token(connector.ServiceUrl, clock.GetUtcNow(), lifetime: TimeSpan.FromMinutes(10));

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.That(await Check(token), Is.EqualTo(TokenCheck.Valid), "within the skew");
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That(await Check(token), Is.EqualTo(TokenCheck.Invalid), "past the skew");
    }

    [Test]
    public async Task A_token_signed_by_an_unknown_key_is_refused()
    {
        Assert.That(await Check(authority.Token(connector.ServiceUrl, clock.GetUtcNow(), unknownKey: true)), Is.EqualTo(TokenCheck.Invalid));
    }

    [Test]
    public async Task A_token_for_another_serviceUrl_or_none_is_refused()
    {
        Assert.That(await Check(authority.Token("https://smba.trafficmanager.net/evil/", clock.GetUtcNow())), Is.EqualTo(TokenCheck.ServiceUrlMismatch));
        Assert.That(await Check(authority.Token(null, clock.GetUtcNow())), Is.EqualTo(TokenCheck.ServiceUrlMismatch));
    }

    [Test]
    public async Task A_key_that_does_not_endorse_the_channel_is_refused()
    {
        Assert.That(await Check(authority.Token(connector.ServiceUrl, clock.GetUtcNow()), channel: "skype"), Is.EqualTo(TokenCheck.NotEndorsed));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("Basic dXNlcjpwYXNz")]
    [TestCase("Bearer ")]
    public async Task A_request_without_a_bearer_token_is_refused(string? header)
    {
        var activity = new TeamsActivity { Type = "message", ServiceUrl = connector.ServiceUrl, ChannelId = "msteams" };
        Assert.That(await validator.Check(header, activity, CancellationToken.None), Is.EqualTo(TokenCheck.Missing));
    }

    [Test]
    public async Task Metadata_is_fetched_once_and_cached()
    {
        await Check(authority.Token(connector.ServiceUrl, clock.GetUtcNow()));
        await Check(authority.Token(connector.ServiceUrl, clock.GetUtcNow()));

        Assert.That(connector.MetadataRequests, Is.EqualTo(1));
    }

    private Task<TokenCheck> Check(string token, string channel = "msteams") =>
        validator.Check("Bearer " + token, new TeamsActivity { Type = "message", ServiceUrl = connector.ServiceUrl, ChannelId = channel }, CancellationToken.None);
}
