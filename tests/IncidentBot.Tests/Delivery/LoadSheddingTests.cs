using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using IncidentBot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Tests.Delivery;

/// <summary>
/// Past what can be stored in time (Delivery:MaxWaitingAcks requests already waiting), the bot refuses at once in a
/// way Slack handles instead of answering after its 3-second deadline: an event gets 503 with Retry-After (Slack sends
/// it again), a slash command gets its immediate answer saying it was not taken. Nothing refused is stored.
/// </summary>
internal sealed class LoadSheddingTests
{
    private const string Channel = "C0OPS";

    [Test]
    public async Task Events_past_the_limit_get_503_with_Retry_After_and_the_others_reach_the_timeline_once()
    {
        await using var fixture = await Fixture.Start();
        var thread = await fixture.Declare();

        List<Task<HttpResponseMessage>> replies;
        await using (fixture.HoldWrites())
        {
            replies = [.. Enumerable.Range(1, 4).Select(i => Task.Run(() =>
                fixture.Bot.Event($"EvBusy{i}", SlackPayloads.Reply(Channel, thread, SlackPayloads.Ts(i / 10.0), "U0CAROL", $"busy reply {i}"))))];
            await Eventually.Get(() => Task.FromResult(replies.Count(r => r.IsCompleted)), n => n >= 1, "a refusal while storing is held up");
        }

        var answers = await Task.WhenAll(replies);
        var shed = answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.That(shed, Is.Not.Empty);
        Assert.That(shed.Select(a => a.Headers.RetryAfter?.Delta), Has.All.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(await shed[0].Content.ReadAsStringAsync(), Does.Contain("more requests than it can store in time"));
        var kept = Enumerable.Range(1, 4).Where(i => answers[i - 1].StatusCode == HttpStatusCode.OK).Select(i => $"busy reply {i}").ToList();
        Assert.That(kept.Count + shed.Count, Is.EqualTo(4), "each answered 200 or 503");
        var timeline = await Eventually.Get(
            async () => (await fixture.Bot.Incident(1))!["timeline"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()).ToList(),
            t => kept.All(t.Contains),
            "the accepted replies on the timeline");
        Assert.That(timeline.Where(t => t.StartsWith("busy reply", StringComparison.Ordinal)).Order(), Is.EqualTo(kept.Order()), "accepted once each, refused never");
    }

    [Test]
    public async Task A_slash_command_past_the_limit_is_told_at_once_that_it_was_not_taken()
    {
        await using var fixture = await Fixture.Start();
        await fixture.Declare();

        List<Task<HttpResponseMessage>> commands;
        await using (fixture.HoldWrites())
        {
            commands = [.. Enumerable.Range(1, 4).Select(i => Task.Run(() => fixture.Bot.SlashCommand($"note INC-1 busy note {i}")))];
            await Eventually.Get(() => Task.FromResult(commands.Count(r => r.IsCompleted)), n => n >= 1, "a refusal while storing is held up");
        }

        var answers = await Task.WhenAll(commands);
        Assert.That(answers.Select(a => a.StatusCode), Has.All.EqualTo(HttpStatusCode.OK), "Slack shows a 200's text; it does not retry commands");
        var texts = await Task.WhenAll(answers.Select(async a => JsonNode.Parse(await a.Content.ReadAsStringAsync())!["text"]!.GetValue<string>()));
        var refused = texts.Where(t => t.Contains("did not take this one", StringComparison.Ordinal)).ToList();
        Assert.That(refused, Is.Not.Empty);
        Assert.That(refused[0], Does.Contain("Send /outage note INC-1 busy note"));
        var taken = Enumerable.Range(1, 4).Where(i => !texts[i - 1].Contains("did not take", StringComparison.Ordinal)).Select(i => $"busy note {i}").ToList();
        var notes = await Eventually.Get(
            async () => (await fixture.Bot.Incident(1))!["timeline"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()).Where(t => t.Contains("busy note", StringComparison.Ordinal)).ToList(),
            t => t.Count >= taken.Count,
            "the taken notes on the timeline");
        Assert.That(notes, Has.Count.EqualTo(taken.Count), "a refused command leaves nothing behind");
    }

    private sealed class Fixture : IAsyncDisposable
    {
        private readonly TestDatabase database;
        private readonly FakeSlack slack;

        private Fixture(TestDatabase database, FakeSlack slack, BotHost bot)
        {
            this.database = database;
            this.slack = slack;
            Bot = bot;
        }

        public BotHost Bot { get; }

        public static async Task<Fixture> Start()
        {
            var database = TestDatabase.Create(StorageProvider.Sqlite);
            var slack = await FakeSlack.Start();
            return new Fixture(database, slack, BotHost.Start(database.Settings, slack, new Dictionary<string, string?> { ["Delivery:MaxWaitingAcks"] = "1" }));
        }

        public async Task<string> Declare()
        {
            using var response = await Bot.SlashCommand("Checkout returns 500s");
            var incident = await Eventually.Get(() => Bot.Incident(1), i => i?["thread"]?["id"] is not null, "INC-1's thread to open");
            return incident!["thread"]!["id"]!.GetValue<string>();
        }

        /// <summary>Another process's writer holds SQLite's write lock (well under its 5 s busy timeout) until disposed.</summary>
        public IAsyncDisposable HoldWrites()
        {
            var locker = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString());
            locker.Open();
            return new Held(locker, locker.BeginTransaction(deferred: false));
        }

        public async ValueTask DisposeAsync()
        {
            await Bot.DisposeAsync();
            await slack.DisposeAsync();
            database.Dispose();
        }

        private sealed class Held(SqliteConnection connection, SqliteTransaction tx) : IAsyncDisposable
        {
            public async ValueTask DisposeAsync()
            {
                await tx.RollbackAsync();
                await tx.DisposeAsync();
                await connection.DisposeAsync();
            }
        }
    }
}
