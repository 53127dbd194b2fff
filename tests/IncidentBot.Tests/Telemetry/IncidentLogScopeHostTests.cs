using System.Text.Json.Nodes;
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
        using (await bot.SlashCommand("Checkout down"))
        {
        }

        // Slack goes down once the incident exists: while it is down the bot cannot check who is asking (guests).
        await Eventually.Get(() => bot.Incident(1), (JsonObject? i) => i is not null, "the incident");
        slack.Down = true;
        using (await bot.SlashCommand("note INC-1 Cache flushed"))
        {
        }

        var retry = await Eventually.Get(
            () => logs.Lines.FirstOrDefault(l => l.Category == typeof(OutboxSender).FullName && l.Level == LogLevel.Warning && l.Scopes.ContainsKey("IncidentId")),
            l => l is not null,
            "the outbox sender's retry warning for the thread post");
        Assert.That(retry!.Scopes["IncidentId"], Is.EqualTo("INC-1"), retry.Message);
    }
}
