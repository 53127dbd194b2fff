using IncidentBot.Teams;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Teams;

/// <summary>The bot token and incident text go only to serviceUrls whose scheme, host and port equal a trusted entry's.</summary>
internal sealed class ConnectorClientTrustTests
{
    [TestCase("https://smba.trafficmanager.net/amer/", true)]
    [TestCase("https://SMBA.trafficmanager.net/emea/v3/", true)]
    [TestCase("https://smba.infra.gcc.teams.microsoft.com/gcc/", true)]
    [TestCase("https://connector.example.com/any/path", true)]
    [TestCase("https://smba.trafficmanager.net.evil.example/amer/", false)]
    [TestCase("https://connector.example.com.evil.example/", false)]
    [TestCase("http://smba.trafficmanager.net/amer/", false)]
    [TestCase("https://smba.trafficmanager.net:8443/amer/", false)]
    [TestCase("https://evil.example/https://smba.trafficmanager.net/", false)]
    [TestCase("not a url", false)]
    public void Only_a_trusted_scheme_and_host_are_trusted(string serviceUrl, bool trusted)
    {
        // No trailing slash on purpose: a prefix match would also have trusted connector.example.com.evil.example.
        var client = Client(new TeamsOptions { TrustedServiceUrls = ["https://connector.example.com"] });

        Assert.That(client.IsTrusted(serviceUrl), Is.EqualTo(trusted));
    }

    [Test]
    public void Without_authentication_in_Development_untrusted_serviceUrls_are_still_refused()
    {
        var client = Client(new TeamsOptions { AllowUnauthenticated = true, TrustedServiceUrls = ["http://localhost:3978/"] });

        Assert.That(client.IsTrusted("http://127.0.0.1:9000/"), Is.False);
        Assert.That(client.IsTrusted("https://attacker.example/"), Is.False);
        Assert.That(client.IsTrusted("http://localhost:3978/conversations"), Is.True);
    }

    private static ConnectorClient Client(TeamsOptions options) => new(new HttpClient(), new NoToken(), Options.Create(options));

    private sealed class NoToken : IBotTokenSource
    {
        public Task<string?> Token(CancellationToken ct) => Task.FromResult<string?>(null);
    }
}
