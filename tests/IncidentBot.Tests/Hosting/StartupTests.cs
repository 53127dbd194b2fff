using System.Net;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Hosting;

internal sealed class StartupTests
{
    private TestDatabase database = null!;

    [SetUp]
    public void CreateDatabase() => database = TestDatabase.Create(StorageProvider.Sqlite);

    [TearDown]
    public void DropDatabase() => database.Dispose();

    [TestCase("Slack:SigningSecret", "secret-value", "Slack:BotToken must be set")]
    [TestCase("Slack:BotToken", "xoxb-1", "Slack:SigningSecret (HTTP) or Slack:AppToken (Socket Mode) must be set")]
    [TestCase("Slack:AppToken", "xapp-1-A1-2-abc", "Slack:BotToken must be set")]
    [TestCase("Slack:Command", "outage", "Slack:Command must be a slash command")]
    [TestCase("Storage:Provider", "Mysql", "Storage:Provider must be Sqlite or Postgres, was 'Mysql'")]
    [TestCase("Api:Token", "short", "Api:Token must be at least 16 characters")]
    [TestCase("Delivery:MaxBackoff", "00:00:00", "Delivery:MaxBackoff must be more than zero")]
    [TestCase("Rollback:WebhookUrl", "https://deploy.example.com/rollback", "Rollback:WebhookSecret must be set")]
    [TestCase("Rollback:Areas:payments", "not a url", "Rollback:Areas:payments must be an https URL")]
    [TestCase("Rollback:WebhookUrl", "http://deploy.example.com/rollback", "Rollback:WebhookUrl must be an https URL (plain http only on a loopback address")]
    [TestCase("Slack:ApiBaseUrl", "http://slack.example.com/api/", "Slack:ApiBaseUrl must be an https URL")]
    [TestCase("Paging:PagerDutyUrl", "http://events.pagerduty.com/v2/enqueue", "Paging:PagerDutyUrl must be an https URL")]
    [TestCase("Statuspage:ApiBaseUrl", "http://api.statuspage.io/v1/", "Statuspage:ApiBaseUrl must be an https URL")]
    [TestCase("Teams:TokenAuthority", "http://login.example.com/tenant", "Teams:TokenAuthority must be an https URL")]
    [TestCase("Teams:TrustedServiceUrls:0", "http://connector.example.com/", "Teams:TrustedServiceUrls:0 must be an https URL")]
    [TestCase("ForwardedHeaders:KnownProxies:0", "10.0.0.0/8", "ForwardedHeaders:KnownProxies:0 must be an IP address")]
    [TestCase("Runbook:Path", "/nonexistent/runbook.yaml", "Runbook:Path file /nonexistent/runbook.yaml does not exist")]
    [TestCase("Nudge:QuietThread", "-00:01:00", "Nudge:QuietThread must be more than zero")]
    [TestCase("Paging:AckTimeout", "00:00:00", "Paging:AckTimeout must be more than zero")]
    [TestCase("Handoff:DefaultTimeZone", "Europe/Berln", "Handoff:DefaultTimeZone must be an IANA time zone id, like Europe/Berlin, was 'Europe/Berln'")]
    [TestCase("Statuspage:PageId", "abc123", "Statuspage:ApiKey must be set")]
    [TestCase("Notify:Channels:0", "#leadership", "Notify:Channels:0 must be a channel id")]
    [TestCase("Teams:AllowUnauthenticated", "true", "Teams:AllowUnauthenticated=true is only allowed in the Development environment")]
    [TestCase("Teams:AppId", "11111111-2222-3333-4444-555555555555", "Teams:AppPassword must be set")]
    [TestCase("Teams:IncidentChannel", "#incidents", "Teams:IncidentChannel must be a channel id")]
    [TestCase("Authorization:Rollback", "owner, admins", "Authorization:Rollback names 'admins', which is neither a role")]
    [TestCase("Authorization:Resolve", "zed", "Authorization:Resolve names 'zed', which is neither a role (members, owner, declarer, paged, deciders, prod_access, channel_members) nor a person id in the expertise registry")]
    [TestCase("Authorization:Rollbak", "owner", "Authorization:Rollbak is not an act")]
    [TestCase("Slack:TeamId", "team1", "Slack:TeamId must be a workspace id such as T0123456789, was 'team1'")]
    [TestCase("Slack:AppId", "T0123", "Slack:AppId must be an app id such as A0123456789, was 'T0123'")]
    public async Task A_bad_setting_stops_start_up_with_a_message_naming_it(string key, string value, string message)
    {
        var (exitCode, output) = await BotProcess.Run(database.Settings, new Dictionary<string, string?> { [key] = value });

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("configuration is invalid").And.Contain(message));
    }

    [Test]
    public async Task A_bad_registry_file_stops_start_up_naming_the_setting_and_the_line()
    {
        var registry = Path.Combine(Path.GetTempPath(), $"expertise-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(registry, "people:\n  - { id: alice, name: Alice, timezone: Europe/Berln }\nareas: []\n");
        try
        {
            var (exitCode, output) = await BotProcess.Run(database.Settings, new Dictionary<string, string?> { ["Registry:Path"] = registry });

            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("Registry:Path").And.Contain("line 2: unknown time zone 'Europe/Berln'"));
        }
        finally
        {
            File.Delete(registry);
        }
    }

    [Test]
    public async Task Secrets_never_appear_in_the_start_up_log()
    {
        var (_, output) = await BotProcess.Run(database.Settings, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "signing-secret-that-must-not-leak",
            ["Slack:BotToken"] = "xoxp-user-token-that-must-not-leak",
        });

        Assert.That(output, Does.Contain("Slack:BotToken must be a bot token"));
        Assert.That(output, Does.Not.Contain("must-not-leak"));
    }

    [Test]
    public async Task A_bot_token_given_as_the_app_token_is_refused_without_showing_it()
    {
        var (exitCode, output) = await BotProcess.Run(database.Settings, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-1",
            ["Slack:AppToken"] = "xoxb-app-token-that-must-not-leak",
        });

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("Slack:AppToken must be an app-level token starting with xapp-"));
        Assert.That(output, Does.Not.Contain("must-not-leak"));
    }

    [Test]
    public async Task The_Teams_app_password_never_appears_in_the_start_up_log()
    {
        var (_, output) = await BotProcess.Run(database.Settings, new Dictionary<string, string?>
        {
            ["Teams:AppId"] = "not-a-guid",
            ["Teams:AppPassword"] = "teams-password-that-must-not-leak",
        });

        Assert.That(output, Does.Contain("Teams:AppId must be the bot's Microsoft App ID"));
        Assert.That(output, Does.Not.Contain("must-not-leak"));
    }

    [Test]
    public async Task With_Slack_unset_the_Slack_endpoint_answers_404()
    {
        await using var bot = BotHost.Start(database.Settings, slack: null);

        using var response = await bot.Http.PostAsync("/slack/events", new StringContent("{}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public void The_build_output_carries_the_top_level_appsettings() =>
        Assert.That(Path.Combine(Path.GetDirectoryName(typeof(Program).Assembly.Location)!, "appsettings.json"), Does.Exist);
}
