using IncidentBot.Delivery;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Telemetry;

internal sealed class IncidentLogScopeHostTests
{
    [Test]
    public async Task A_delivery_that_fails_while_Slack_is_down_is_logged_with_the_incident_id()
    {
        using var database = TestDatabase.Create(StorageProvider.Sqlite);
        await using var slack = await FakeSlack.Start();
        var logs = new ScopeRecordingLogs();
        await using var bot = BotHost.Start(database.Settings, slack, services: s => s.AddSingleton<ILoggerProvider>(logs));
        // The thread root's first tries fail with an error Slack says is passing; Slack is otherwise up, so the bot can
        // still check who is asking (guests) and the command is processed.
        slack.FailWith("chat.postMessage", "internal_error");
        slack.FailWith("chat.postMessage", "internal_error");
        using (await bot.SlashCommand("Checkout down", responseUrl: slack.ResponseUrl("a")))
        {
        }

        var retry = await Eventually.Get(
            () => logs.Lines.FirstOrDefault(l => l.Category == typeof(DeliveryResults).FullName && l.Level == LogLevel.Warning),
            l => l is not null,
            "the delivery's retry warning");
        Assert.That(retry!.Scopes["IncidentId"], Is.EqualTo("INC-1"), retry.Message);
    }
}
