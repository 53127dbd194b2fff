using System.Net;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using IncidentBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IncidentBot.Tests.Delivery;

/// <summary>The database going away under the real host: 503 to Slack, /readyz 503, workers that resume by themselves.</summary>
internal sealed class DatabaseFaultTests
{
    private const string Channel = "C0OPS";

    [Test]
    public async Task While_PostgreSQL_is_unreachable_requests_get_503_and_everything_accepted_is_processed_once_when_it_is_back()
    {
        using var database = TestDatabase.Create(StorageProvider.Postgres);
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var network = TcpCut.Start(server.Host!, server.Port);
        server.Port = network.Port;
        var settings = new Dictionary<string, string?>(database.Settings) { ["ConnectionStrings:IncidentBot"] = server.ToString() };
        await using var slack = await FakeSlack.Start();
        await using var bot = BotHost.Start(settings, slack);
        var thread = await Declare(bot);

        using var accepted = await bot.Event("EvBefore", SlackPayloads.Reply(Channel, thread, SlackPayloads.Ts(0.1), "U0CAROL", "accepted before the cut"));
        network.Cut();
        using var refused = await bot.Event("EvDuring", SlackPayloads.Reply(Channel, thread, SlackPayloads.Ts(0.2), "U0CAROL", "sent during the cut"));
        using var ready = await bot.Http.GetAsync("/readyz");

        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "Slack retries a 503");
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));

        network.Restore();
        await Eventually.Get(async () => (await bot.Http.GetAsync("/readyz")).StatusCode, s => s == HttpStatusCode.OK, "/readyz to recover");
        using var retried = await bot.Event("EvDuring", SlackPayloads.Reply(Channel, thread, SlackPayloads.Ts(0.2), "U0CAROL", "sent during the cut"), retryNum: 1);
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await AssertRecordedOnce(bot, "accepted before the cut", "sent during the cut");
    }

    [Test]
    public async Task While_SQLite_is_locked_by_another_writer_requests_get_503_and_are_processed_once_it_is_released()
    {
        using var database = TestDatabase.Create(StorageProvider.Sqlite);
        await using var slack = await FakeSlack.Start();
        await using var bot = BotHost.Start(database.Settings, slack);
        var thread = await Declare(bot);

        // Another process's writer, with its own unpooled connection: the bot's connections never see its transaction.
        var other = new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString();
        await using (var locker = new SqliteConnection(other))
        {
            await locker.OpenAsync();
            using var writing = locker.BeginTransaction(deferred: false);

            using var refused = await bot.Event("EvLocked", SlackPayloads.Reply(Channel, thread, SlackPayloads.Ts(0.1), "U0CAROL", "sent while locked"));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }

        using var retried = await bot.Event("EvLocked", SlackPayloads.Reply(Channel, thread, SlackPayloads.Ts(0.1), "U0CAROL", "sent while locked"), retryNum: 1);
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await AssertRecordedOnce(bot, "sent while locked");
    }

    [Test]
    public async Task A_database_unreachable_at_start_up_ends_the_process_with_a_non_zero_exit_code()
    {
        var (exitCode, output) = await BotProcess.Run(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:IncidentBot"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=secret-password;Database=none;Timeout=3",
        });

        Assert.That(exitCode, Is.Not.Zero, output);
        Assert.That(output, Does.Contain("did not start").And.Not.Contain("secret-password"));
    }

    private static async Task<string> Declare(BotHost bot)
    {
        using var response = await bot.SlashCommand("Checkout returns 500s");
        var incident = await Eventually.Get(() => bot.Incident(1), i => i?["thread"]?["id"] is not null, "INC-1's thread to open");
        return incident!["thread"]!["id"]!.GetValue<string>();
    }

    private static async Task AssertRecordedOnce(BotHost bot, params string[] texts)
    {
        var timeline = await Eventually.Get(
            async () => (await bot.Incident(1))!["timeline"]!.AsArray(),
            t => texts.All(text => t.Any(e => e!["text"]!.GetValue<string>() == text)),
            "the replies on the timeline");
        foreach (var text in texts)
        {
            Assert.That(timeline.Count(e => e!["text"]!.GetValue<string>() == text), Is.EqualTo(1), text);
        }
    }
}
