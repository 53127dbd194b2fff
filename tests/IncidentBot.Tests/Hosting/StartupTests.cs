using System.Net;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Hosting;

internal sealed class StartupTests
{
    private TestDatabase database = null!;

    [SetUp]
    public void CreateDatabase() => database = TestDatabase.Create(StorageProvider.Sqlite);

    [TearDown]
    public void DropDatabase() => database.Dispose();

    [TestCase("Slack:SigningSecret", "secret-value", "Slack:BotToken must be set")]
    [TestCase("Slack:BotToken", "xoxb-1", "Slack:SigningSecret must be set")]
    [TestCase("Slack:Command", "outage", "Slack:Command must be a slash command")]
    [TestCase("Storage:Provider", "Mysql", "Storage:Provider must be Sqlite or Postgres, was 'Mysql'")]
    [TestCase("Api:Token", "short", "Api:Token must be at least 16 characters")]
    [TestCase("Delivery:MaxBackoff", "00:00:00", "Delivery:MaxBackoff must be more than zero")]
    public void A_bad_setting_stops_start_up_with_a_message_naming_it(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?> { [key] = value };

        var error = Assert.Catch(() => BotHost.Start(database.Settings, slack: null, settings).Dispose());

        Assert.That(error, Is.InstanceOf<OptionsValidationException>());
        Assert.That(error!.Message, Does.Contain(message));
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
