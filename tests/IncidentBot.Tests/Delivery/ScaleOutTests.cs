using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Slack;
using IncidentBot.Tests.Persistence;
using IncidentBot.Tests.Support;
using Npgsql;

namespace IncidentBot.Tests.Delivery;

/// <summary>
/// Two real bot processes on one PostgreSQL database and one fake Slack, a burst of signed requests spread over both,
/// one instance SIGKILLed mid-burst and started again, a reminder due during the run.
/// </summary>
[NonParallelizable]
internal sealed class ScaleOutTests
{
    private const int Incidents = 6;
    private const int RepliesPerIncident = 55;
    private const string Channel = "C0OPS";
    private const string ApiToken = "scale-out-test-api-token";
    private const string Registry = """
        people:
          - { id: alice, name: Alice, slack: U0ALICE }
          - { id: bob, name: Bob, slack: U0BOB }
        areas:
          - { key: payments, name: Payments, keywords: [checkout], primary: [alice], secondary: [bob] }
        deciders: []
        prod_access: []
        """;

    private readonly long origin = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    private int sent;

    [Test]
    public async Task Two_instances_process_every_request_once_and_send_every_post_once_in_order_through_a_crash()
    {
        using var database = TestDatabase.Create(StorageProvider.Postgres);
        await using var slack = await FakeSlack.Start();
        var registry = Path.Combine(Path.GetTempPath(), $"expertise-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(registry, Registry);
        var clock = Stopwatch.StartNew();
        await using var bots = new TwoBots(Settings(database, slack, registry));
        await bots.Start();

        var threads = await Declare(bots, slack);
        var crash = CrashWhenHalfSent(bots);
        await Task.WhenAll(threads.Select(t => SendThread(bots, t.Key, t.Value)));
        await crash;
        Report($"{sent} requests sent in {clock.Elapsed.TotalSeconds:0.0} s ({bots.Refused} refused and sent again)");

        await using var db = new NpgsqlConnection(database.ConnectionString);
        await Eventually.Get(() => Unfinished(db), n => n == 0, "every request and every post to be finished", TimeSpan.FromSeconds(60));
        await Eventually.Get(() => DirectMessagesTo(slack, "U0BOB"), n => n > 0, "the escalation to Bob", TimeSpan.FromSeconds(60));

        await AssertEveryRequestProcessedOnce(db, bots, threads);
        await AssertEveryPostSentOnceInOrder(db, slack, threads);
        Assert.That(DirectMessagesTo(slack, "U0BOB"), Is.EqualTo(1), "the escalation reminder is sent once");
        Report($"done in {clock.Elapsed.TotalSeconds:0.0} s: {sent} requests processed once, {slack.CallsTo("chat.postMessage").Count} posts sent once and in order ({slack.CallsTo("conversations.replies").Count} looked for in their thread first, as they may have been sent), 1 reminder");
        File.Delete(registry);
    }

    private static Dictionary<string, string?> Settings(TestDatabase database, FakeSlack slack, string registry) => new(database.Settings)
    {
        ["Slack:SigningSecret"] = BotHost.SigningSecret,
        ["Slack:BotToken"] = BotHost.BotToken,
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        ["Registry:Path"] = registry,
        ["Api:Token"] = ApiToken,
        ["Paging:AckTimeout"] = "00:00:20",
        ["Delivery:PollInterval"] = "00:00:00.500",
        ["Delivery:ChannelPace"] = "00:00:00",
        // Two processes on the machine's clock: their default working day ends hours after the test.
        [WallClockWorkingDay.Setting] = WallClockWorkingDay.Hours(),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    /// <summary>Declares the incidents (over both instances) and waits for their threads: incident number to root ts.</summary>
    private async Task<Dictionary<int, string>> Declare(TwoBots bots, FakeSlack slack)
    {
        for (var n = 1; n <= Incidents; n++)
        {
            await Send(bots, SlackPayloads.SlashCommand($"Checkout returns 500s on shard {n}", "U0CAROL", Channel, slack.ResponseUrl($"declare-{n}"), null), Form);
        }

        using var api = Api(bots);
        var threads = new Dictionary<int, string>();
        for (var n = 1; n <= Incidents; n++)
        {
            var incident = await Eventually.Get(() => Incident(api, n), i => i?["thread"]?["id"] is not null, $"INC-{n}'s thread", TimeSpan.FromSeconds(30));
            threads[n] = incident!["thread"]!["id"]!.GetValue<string>();
        }

        return threads;
    }

    private const string Form = "application/x-www-form-urlencoded";
    private const string Json = "application/json";

    /// <summary>One thread's requests in order, each sent once the one before was accepted, as Slack does.</summary>
    private async Task SendThread(TwoBots bots, int number, string thread)
    {
        if (number != 1)
        {
            // Everyone acknowledges but INC-1, whose escalation is the reminder due during the run.
            await Send(bots, "payload=" + Uri.EscapeDataString(AckPress(number)), Form);
        }

        for (var k = 1; k <= RepliesPerIncident; k++)
        {
            var ts = Ts(number, k, 0);
            await Send(bots, SlackPayloads.EventCallback($"Ev{number}r{k}", SlackPayloads.Reply(Channel, thread, ts, "U0CAROL", ReplyText(number, k))), Json);
            if (IsEdited(k))
            {
                await Send(bots, SlackPayloads.EventCallback($"Ev{number}e{k}", SlackPayloads.Edit(Channel, thread, ts, Ts(number, k, 1), "U0CAROL", ReplyText(number, k), EditedText(number, k))), Json);
            }

            if (IsDeleted(k))
            {
                await Send(bots, SlackPayloads.EventCallback($"Ev{number}d{k}", SlackPayloads.Delete(Channel, thread, ts, Ts(number, k, 2), "U0CAROL", ReplyText(number, k))), Json);
            }
        }
    }

    private async Task CrashWhenHalfSent(TwoBots bots)
    {
        await Eventually.Get(() => Volatile.Read(ref sent), n => n >= 200, "200 requests sent", TimeSpan.FromSeconds(60));
        var stopwatch = Stopwatch.StartNew();
        var at = Volatile.Read(ref sent);
        await bots.CrashAndRestartB();
        Report($"instance B SIGKILLed after {at} requests and listening again {stopwatch.ElapsedMilliseconds} ms later");
    }

    private async Task Send(TwoBots bots, string body, string contentType)
    {
        await bots.Send(body, contentType);
        Interlocked.Increment(ref sent);
    }

    private async Task AssertEveryRequestProcessedOnce(NpgsqlConnection db, TwoBots bots, Dictionary<int, string> threads)
    {
        var statuses = (await db.QueryAsync<(string Status, long Count)>("SELECT status, COUNT(*) FROM inbox GROUP BY status")).ToDictionary(r => r.Status, r => r.Count);
        Report($"inbox: {string.Join(", ", statuses.Select(s => $"{s.Value} {s.Key}"))}");
        Assert.That(statuses, Is.EqualTo(new Dictionary<string, long> { ["done"] = sent }), "every accepted request stored once and processed");

        using var api = Api(bots);
        foreach (var (number, _) in threads)
        {
            var timeline = (await Incident(api, number))!["timeline"]!.AsArray();
            for (var k = 1; k <= RepliesPerIncident; k++)
            {
                var entries = timeline.Where(e => e!["text"]!.GetValue<string>().StartsWith($"r-{number}-{k} ", StringComparison.Ordinal)).ToList();
                Assert.That(entries, Has.Count.LessThanOrEqualTo(1), $"reply {k} of INC-{number} recorded once");
                if (!IsDeleted(k))
                {
                    Assert.That(entries.Single()!["text"]!.GetValue<string>(), Is.EqualTo(IsEdited(k) ? EditedText(number, k) : ReplyText(number, k)));
                }
                else if (entries.Count == 1)
                {
                    Assert.That(entries[0]!["deleted"]?.GetValue<bool>(), Is.True, $"reply {k} of INC-{number} deleted");
                }
            }
        }
    }

    /// <summary>Per thread, the fake Slack received exactly the bot's stored posts, each once, in the order they were queued.</summary>
    private static async Task AssertEveryPostSentOnceInOrder(NpgsqlConnection db, FakeSlack slack, Dictionary<int, string> threads)
    {
        var stored = (await db.QueryAsync<(long Incident, string Kind, string Payload)>(
            "SELECT incident_number, kind, payload FROM outbox WHERE platform = 'slack' AND kind IN (@root, @thread) AND status = 'sent' ORDER BY id",
            new { root = SlackOutboxPayload.PostRoot, thread = SlackOutboxPayload.PostInThread })).ToList();
        var posts = slack.CallsTo("chat.postMessage");
        foreach (var (number, thread) in threads)
        {
            string TextOf(string payload) => SlackOutboxPayload.Deserialize(payload).Message["text"]!.GetValue<string>();
            var rootText = TextOf(stored.Single(s => s.Incident == number && s.Kind == SlackOutboxPayload.PostRoot).Payload);
            var queued = stored.Where(s => s.Incident == number && s.Kind == SlackOutboxPayload.PostInThread).Select(s => TextOf(s.Payload)).ToList();
            Assert.That(posts.Count(p => p.ThreadTs is null && p.Text == rootText), Is.EqualTo(1), $"INC-{number}'s root posted once");
            Assert.That(posts.Where(p => p.ThreadTs == thread).Select(p => p.Text), Is.EqualTo(queued), $"INC-{number}'s thread posts, once each, in order");
        }
    }

    private static HttpClient Api(TwoBots bots)
    {
        var api = new HttpClient { BaseAddress = bots.A.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new("Bearer", ApiToken);
        return api;
    }

    private static async Task<JsonObject?> Incident(HttpClient api, int number)
    {
        using var response = await api.GetAsync($"/api/incidents/{number}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    private static async Task<long> Unfinished(NpgsqlConnection db) => await db.ExecuteScalarAsync<long>(
        "SELECT (SELECT COUNT(*) FROM inbox WHERE status IN ('pending', 'processing')) + (SELECT COUNT(*) FROM outbox WHERE status = 'pending')");

    private static int DirectMessagesTo(FakeSlack slack, string user) => slack.CallsTo("chat.postMessage").Count(c => c.Channel == "D" + user);

    private static bool IsEdited(int k) => k % 3 == 1;

    private static bool IsDeleted(int k) => k % 5 == 0;

    private static string ReplyText(int number, int k) => $"r-{number}-{k} checkout is still failing";

    private static string EditedText(int number, int k) => $"r-{number}-{k} checkout recovered (edited)";

    private string Ts(int number, int k, int kind) => $"{origin + k}.{(number * 10) + kind:D6}";

    /// <summary>
    /// To the test's output and, when CI names a file in <c>INCIDENTBOT_SCALE_OUT_REPORT</c>, to that file, which
    /// <c>.ci/run</c> prints: the figures are seen on every CI run, not only when the test fails.
    /// </summary>
    private static void Report(string line)
    {
        TestContext.Out.WriteLine(line);
        if (Environment.GetEnvironmentVariable("INCIDENTBOT_SCALE_OUT_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, line + Environment.NewLine);
        }
    }

    private static string AckPress(int number) => new JsonObject
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = "U0ALICE", ["name"] = "alice" },
        ["team"] = new JsonObject { ["id"] = SlackPayloads.TeamId },
        ["api_app_id"] = SlackPayloads.AppId,
        ["trigger_id"] = $"trigger.ack.{number}",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1.2", ["channel_id"] = "DU0ALICE", ["is_ephemeral"] = false },
        ["channel"] = new JsonObject { ["id"] = "DU0ALICE" },
        ["actions"] = new JsonArray(new JsonObject { ["action_id"] = $"ack:{number}", ["value"] = $"{number}", ["type"] = "button", ["action_ts"] = $"2.{number}" }),
    }.ToJsonString();
}
