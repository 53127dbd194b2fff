using System.Text.Json.Nodes;
using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Support;

/// <summary>
/// A fresh database and fake Slack per test, and the bot started against them; run once per storage provider
/// (PostgreSQL tests are skipped with a reason when no server is configured).
/// </summary>
internal abstract class HostTestBase(StorageProvider provider)
{
    protected TestDatabase Database { get; private set; } = null!;

    protected FakeSlack Slack { get; private set; } = null!;

    protected BotHost Bot { get; set; } = null!;

    /// <summary>The bot's clock (kept across a restart that passes it on): advance it to make reminders come due.</summary>
    protected TestClock Clock { get; private set; } = null!;

    [SetUp]
    public async Task StartBot()
    {
        Database = TestDatabase.Create(provider);
        Slack = await FakeSlack.Start();
        Clock = new TestClock();
        Bot = BotHost.Start(Database.Settings, Slack, ExtraSettings(), Services(), Clock);
    }

    [TearDown]
    public async Task StopBot()
    {
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
