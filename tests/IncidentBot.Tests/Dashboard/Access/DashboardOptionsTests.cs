using System.Net;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Dashboard.Access;

internal sealed class DashboardOptionsTests
{
    [TestCase("https://login.example.com/realms/ops", null, "secret-0123456789", "Dashboard:Oidc:ClientId not set")]
    [TestCase("https://login.example.com/realms/ops", null, null, "Dashboard:Oidc:ClientId, Dashboard:Oidc:ClientSecret not set")]
    [TestCase("http://login.example.com", "incidentbot", "secret-0123456789", "Dashboard:Oidc:Authority must be an absolute https URL (the issuer, e.g. https://login.example.com/realms/ops), was 'http://login.example.com'")]
    [TestCase("login.example.com", "incidentbot", "secret-0123456789", "was 'login.example.com'")]
    public async Task Bad_OpenID_Connect_settings_stop_start_up_naming_them(string authority, string? clientId, string? secret, string message)
    {
        using var database = TestDatabase.Create(StorageProvider.Sqlite);
        var settings = new Dictionary<string, string?>
        {
            ["Dashboard:Oidc:Authority"] = authority,
            ["Dashboard:Oidc:ClientId"] = clientId,
            ["Dashboard:Oidc:ClientSecret"] = secret,
        };

        var (exitCode, output) = await BotProcess.Run(database.Settings, settings);

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("configuration is invalid").And.Contain(message));
    }

    [Test]
    public async Task Outside_Development_the_session_cookie_is_Secure()
    {
        using var database = TestDatabase.Create(StorageProvider.Sqlite);
        await using var bot = BotHost.Start(database.Settings, null);
        using var client = new DashboardClient(bot);
        await client.Page("/ui/signin");

        using var response = await client.Post("/ui/signin", new() { ["token"] = BotHost.ApiToken });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("IncidentBot.Dashboard=", StringComparison.Ordinal));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(cookie, Does.Contain("secure").IgnoreCase);
    }
}
