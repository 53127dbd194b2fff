using System.Text.Json.Nodes;
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

    [SetUp]
    public async Task StartBot()
    {
        Database = TestDatabase.Create(provider);
        Slack = await FakeSlack.Start();
        Bot = BotHost.Start(Database.Settings, Slack, ExtraSettings(), Services());
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

    protected async Task<JsonArray> Timeline(int number = 1) => (JsonArray)(await Bot.Incident(number))!["timeline"]!;

    protected Task<JsonArray> TimelineWith(int entries, int number = 1) =>
        Eventually.Get(() => Timeline(number), t => t.Count >= entries, $"{entries} timeline entries on INC-{number}");
}
