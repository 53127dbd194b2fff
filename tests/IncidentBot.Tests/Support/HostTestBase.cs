using System.Text.Json.Nodes;
using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Support;

/// <summary>
/// The bot on a database and fake Slack, run once per storage provider (PostgreSQL tests are skipped with a reason
/// when no server is configured). A class on default settings (no <see cref="ExtraSettings"/>, no
/// <see cref="Services"/>, not <see cref="OwnHost"/>) runs on its provider's <see cref="SharedHost"/>, emptied before
/// each test; any other starts a bot of its own per test. Either way the bot runs on <see cref="Clock"/>.
/// </summary>
internal abstract class HostTestBase(StorageProvider provider)
{
    private SharedHost? shared;

    protected TestDatabase Database { get; private set; } = null!;

    protected FakeSlack Slack { get; private set; } = null!;

    protected BotHost Bot { get; set; } = null!;

    /// <summary>The bot's clock (kept across a restart that passes it on): advance it to make reminders come due.</summary>
    protected TestClock Clock { get; private set; } = null!;

    /// <summary>True in a class whose tests stop, restart or replace <see cref="Bot"/>: it cannot share a host.</summary>
    protected virtual bool OwnHost => false;

    /// <summary>True in a class that tests what Quartz does with reminders (its store, its metrics): its bot schedules with Quartz.</summary>
    protected virtual bool Quartz => false;

    [SetUp]
    public async Task StartBot()
    {
        var extra = ExtraSettings();
        var services = Services();
        if (extra is null && services is null && !OwnHost && !Quartz)
        {
            shared = await SharedHosts.For(provider);
            await shared.Reset();
            (Database, Slack, Clock, Bot) = (shared.Database, shared.Slack, shared.Clock, shared.Bot);
            SlackPayloads.Clock = Clock;
            return;
        }

        Database = TestDatabase.Create(provider);
        Slack = await FakeSlack.Start();
        Clock = new TestClock();
        SlackPayloads.Clock = Clock;
        Bot = BotHost.Start(Database.Settings, Slack, extra, services, Clock, Quartz);
    }

    [TearDown]
    public async Task StopBot()
    {
        SlackPayloads.Clock = TimeProvider.System;
        if (shared is not null)
        {
            var replaced = Bot != shared.Bot;
            shared = null;
            Assert.That(replaced, Is.False, $"{GetType().Name} replaces Bot on the shared host: override OwnHost to give it a host of its own");
            return;
        }

        // Members stay null when set-up was skipped (no PostgreSQL configured).
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        if (Slack is not null)
        {
            await Slack.DisposeAsync();
        }

        Database?.Dispose();
    }

    protected virtual IReadOnlyDictionary<string, string?>? ExtraSettings() => null;

    /// <summary>Registrations to swap or add, for faults that settings cannot cause.</summary>
    protected virtual Action<IServiceCollection>? Services() => null;

    /// <summary>Declares through the slash command and waits until the root is posted; returns its ts.</summary>
    protected async Task<string> Declare(string text, int number = 1, string user = "U0ALICE")
    {
        using var response = await Bot.SlashCommand(text, user);
        Assert.That(response.IsSuccessStatusCode, Is.True);
        var incident = await Eventually.Get(() => Bot.Incident(number), i => i?["thread"]?["id"] is not null, $"INC-{number}'s thread to open");
        return incident!["thread"]!["id"]!.GetValue<string>();
    }

    /// <summary>
    /// Waits until every stored request is handled to its end (a declaration schedules its reminders after it posts):
    /// a host stopped before that would finish it only when the request's lease runs out.
    /// </summary>
    protected Task RequestsHandled() => Eventually.Get(
        async () =>
        {
            await using var database = Database.Connect();
            await using var connection = await database.Open(CancellationToken.None);
            return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE status IN ('pending', 'processing')");
        },
        n => n == 0,
        "every stored request to be handled");

    protected async Task<JsonArray> Timeline(int number = 1) => (JsonArray)(await Bot.Incident(number))!["timeline"]!;

    protected Task<JsonArray> TimelineWith(int entries, int number = 1) =>
        Eventually.Get(() => Timeline(number), t => t.Count >= entries, $"{entries} timeline entries on INC-{number}");
}
