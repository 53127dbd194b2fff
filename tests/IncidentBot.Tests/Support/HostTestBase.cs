using System.Text.Json.Nodes;
using Dapper;
using IncidentBot.Core.Reminders;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Support;

/// <summary>
/// The bot with Slack and Teams on, on a database, run once per storage provider (PostgreSQL tests are skipped with a
/// reason when no server is configured). Its fixtures are the fake Slack (<see cref="Slack"/>) and the fake Bot
/// Connector with its token authority (<see cref="Connector"/>, <see cref="Authority"/>): a Slack test and a Teams test
/// differ only in the fixture they talk through. How long a bot lives:
/// <list type="bullet">
/// <item>a class on default settings runs on its provider's bot for the whole run (<see cref="SharedHosts"/>);</item>
/// <item>a class with <see cref="ExtraSettings"/> gets a bot of its own, started at its first test and stopped after its last;</item>
/// <item>a test marked <see cref="OwnBotAttribute"/>, and every test of a class that is <see cref="OwnHost"/>, swaps
/// <see cref="Services"/> or schedules with <see cref="Quartz"/>, gets a bot of its own.</item>
/// </list>
/// A shared bot is reset before each test (<see cref="SharedHost.Reset"/>). Either way the bot runs on <see cref="Clock"/>:
/// move it with <see cref="Advance"/>.
/// </summary>
internal abstract partial class HostTestBase(StorageProvider provider)
{
    private readonly List<string> classFiles = [];
    private SharedHost? host;
    private SharedHost? classHost;
    private IReadOnlyDictionary<string, string?>? classSettings;
    private bool classSettingsRead;
    private bool hostPerTest;

    protected TestDatabase Database => host!.Database;

    protected FakeSlack Slack => host!.Slack;

    /// <summary>The fake Bot Connector: Teams' side of the bot, and the metadata and keys of <see cref="Authority"/>.</summary>
    protected FakeBotConnector Connector => host!.Connector;

    protected TestAuthority Authority => Connector.Authority;

    protected BotHost Bot { get; set; } = null!;

    /// <summary>The bot's clock (kept across a restart that passes it on): <see cref="Advance"/> it to make reminders come due.</summary>
    protected TestClock Clock => host!.Clock;

    /// <summary>True in a class whose tests stop, restart or replace <see cref="Bot"/>: it gets a bot per test (one such test: <see cref="OwnBotAttribute"/>).</summary>
    protected virtual bool OwnHost => false;

    /// <summary>True in a class that tests what Quartz does with reminders (its store, its metrics): its bot schedules with Quartz.</summary>
    protected virtual bool Quartz => false;

    [SetUp]
    public async Task StartBot()
    {
        hostPerTest = OwnHost || Quartz || Services() is not null || TestContext.CurrentContext.Test.Method?.IsDefined<OwnBotAttribute>(false) == true;
        host = hostPerTest ? await SharedHost.Start(provider, ExtraSettings(), Services(), Quartz) : await SharedHostForClass();
        if (!hostPerTest)
        {
            await host.Reset();
        }

        Bot = host.Bot;
        Activities = new TeamsActivities(Connector.ServiceUrl);
        SlackPayloads.Clock = Clock;
    }

    [TearDown]
    public async Task StopBot()
    {
        SlackPayloads.Clock = TimeProvider.System;
        // Null when set-up was skipped (no PostgreSQL configured).
        if (host is not { } finished)
        {
            return;
        }

        host = null;
        var replaced = Bot != finished.Bot;
        if (replaced)
        {
            await Bot.DisposeAsync();
        }

        if (hostPerTest)
        {
            await finished.DisposeAsync();
            return;
        }

        Assert.That(replaced, Is.False, $"{GetType().Name} replaces Bot on a shared host: mark the test [OwnBot] to give it a bot of its own");
    }

    /// <summary>Stops the class's own bot after its last test, and deletes the files it read.</summary>
    [OneTimeTearDown]
    public async Task StopClassHost()
    {
        if (classHost is not null)
        {
            await classHost.DisposeAsync();
            classHost = null;
        }

        classFiles.ForEach(File.Delete);
    }

    /// <summary>Settings over the defaults, read once for a class that shares its bot (at its first test).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? ExtraSettings() => null;

    /// <summary>Registrations to swap or add, for faults that settings cannot cause.</summary>
    protected virtual Action<IServiceCollection>? Services() => null;

    /// <summary>
    /// Moves the clock on once everything so far is done: no request being handled or due, no message being sent or due
    /// for its first try, no reminder running (<see cref="WorkInFlight"/>). A jump in the middle of that work would run out
    /// its leases and handler timeout, and it would be done twice (a DM sent again, a request cancelled and retried).
    /// </summary>
    protected async Task Advance(TimeSpan by)
    {
        await WorkInFlight.None(Database, Clock, Bot.Services.GetService<IReminders>() as InMemoryReminders);
        Clock.Advance(by);
    }

    /// <summary>Writes <paramref name="yaml"/> as an expertise registry kept until the class's last test; returns its path, for <c>Registry:Path</c>.</summary>
    protected string RegistryFile(string yaml)
    {
        if (classFiles.Count == 0)
        {
            classFiles.Add(Path.Combine(Path.GetTempPath(), $"expertise-{Guid.NewGuid():N}.yaml"));
        }

        if (!File.Exists(classFiles[0]) || File.ReadAllText(classFiles[0]) != yaml)
        {
            File.WriteAllText(classFiles[0], yaml);
        }

        return classFiles[0];
    }

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
    protected Task RequestsHandled() =>
        UntilNone("SELECT COUNT(*) FROM inbox WHERE status IN ('pending', 'processing')", "every stored request to be handled");

    /// <summary>Waits until no queued message is waiting to be sent (or sent again).</summary>
    protected Task PostsSent() => UntilNone("SELECT COUNT(*) FROM outbox WHERE status = 'pending'", "every queued message to be sent");

    private Task<long> UntilNone(string countSql, string what) => Eventually.Get(
        async () =>
        {
            await using var database = Database.Connect();
            await using var connection = await database.Open(CancellationToken.None);
            return await connection.ExecuteScalarAsync<long>(countSql);
        },
        n => n == 0,
        what);

    protected async Task<JsonArray> Timeline(int number = 1) => (JsonArray)(await Bot.Incident(number))!["timeline"]!;

    protected Task<JsonArray> TimelineWith(int entries, int number = 1) =>
        Eventually.Get(() => Timeline(number), t => t.Count >= entries, $"{entries} timeline entries on INC-{number}");

    /// <summary>The run's bot on default settings, else this class's own (started at its first test).</summary>
    private async Task<SharedHost> SharedHostForClass()
    {
        if (!classSettingsRead)
        {
            classSettings = ExtraSettings();
            classSettingsRead = true;
        }

        return classSettings is null ? await SharedHosts.For(provider) : classHost ??= await SharedHost.Start(provider, classSettings);
    }
}
