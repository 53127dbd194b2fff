using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Handoff;

/// <summary>
/// End-of-day handoffs through the real host and the fake Slack API. Alice works 08:00-16:00 UTC every day; the host's
/// clock starts at 10:00 (<see cref="TestClock.Start"/>) and the test advances it to the end of her day.
/// </summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SlackHandoffTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string Notes = "Tried restarting the pods; next check the Stripe webhook logs";

    /// <summary>Alice's shift ends at 16:00 UTC, six hours after the test's clock starts.</summary>
    private static readonly DateTimeOffset EndOfShift = TestClock.Start.Date.AddHours(16);

    /// <summary>Handoff:LeadTime's default: the nag comes this long before the end of the owner's day.</summary>
    private static readonly TimeSpan LeadTime = TimeSpan.FromMinutes(30);

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => Settings();

    /// <summary>The restart test replaces the bot with two on Quartz, and both start at the clock's first Monday: a bot per test.</summary>
    protected override bool OwnHost => true;

    [Test]
    public async Task The_owner_gets_the_nag_and_the_handoff_notes_land_in_the_thread()
    {
        var thread = await Declare("Checkout returns 500s");
        await Eventually.Get(() => InThread(thread, "Runbook checklist"), c => c.Count > 0, "the end of declaring");
        Assert.That(Nags("U0ALICE"), Is.Empty, "six hours before the end of Alice's day");

        await Advance(EndOfShift - LeadTime - Clock.GetUtcNow());
        var nag = await Eventually.Get(() => Nags("U0ALICE"), n => n.Count > 0, "the nag to Alice");
        Assert.That(nag[0].Text, Does.Contain("INC-1 is still open").And.Contain("At work now in Payments: Bob (bob)."));
        await Eventually.Get(() => InThread(thread, "handoff-form:1"), c => c.Count > 0, "the nag in the thread, with its Hand off button");

        using (var handoff = await Bot.SlashCommand($"handoff INC-1 <@U0BOB|bob> {Notes}"))
        {
            Assert.That(handoff.IsSuccessStatusCode, Is.True);
        }

        var posted = await Eventually.Get(() => InThread(thread, "Tried / try next"), c => c.Count > 0, "the handoff notes in the thread");
        Assert.That(posted[0].Text, Does.StartWith("Handoff: <@U0ALICE> -&gt; <@U0BOB>. Tried / try next: " + Notes));
        await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.Channel == "DU0BOB" && c.Json.Contains("handoff-accept:1", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "Bob's Accept button");

        using var press = await Bot.Interaction(ButtonPress("U0BOB", "handoff-accept:1", "1"));

        // The owner is stored a moment before the acceptance is appended: wait for the entry.
        var incident = await Eventually.Get(
            () => Bot.Incident(1),
            i => i!["owner"]!.GetValue<string>() == "<@U0BOB>" && i["timeline"]!.AsArray().Count(e => e!["kind"]!.GetValue<string>() == "handoff") == 2,
            "Bob to accept INC-1");
        var handoffs = incident!["timeline"]!.AsArray().Where(e => e!["kind"]!.GetValue<string>() == "handoff").Select(e => e!["text"]!.GetValue<string>()).ToList();
        Assert.That(handoffs, Is.EqualTo<string[]>([$"Handoff: <@U0ALICE> -> <@U0BOB>. Tried / try next: {Notes}", "<@U0BOB> accepted the handoff from <@U0ALICE> and owns INC-1 now."]));
    }

    [Test]
    public async Task A_nag_that_came_due_while_the_bot_was_down_is_sent_once_after_the_restart()
    {
        // What survives a restart is Quartz's durable store: these hosts schedule with it, on the test's clock.
        await Bot.DisposeAsync();
        Bot = BotHost.Start(Database.Settings, Slack, Settings(), clock: Clock, quartz: true);
        var thread = await Declare("Checkout returns 500s");
        await Eventually.Get(() => InThread(thread, "Runbook checklist"), c => c.Count > 0, "the end of declaring");
        await RequestsHandled();
        Assert.That(await StoredJobs("INC-1:handoff-nag"), Is.EqualTo(1), "the nag in Quartz's store");
        await Bot.DisposeAsync();
        Assert.That(Nags("U0ALICE"), Is.Empty, "the bot stopped before the nag was due");

        // A raw jump: the bot is down, so nothing is in flight; the nag comes due while it is.
        Clock.Advance(EndOfShift - LeadTime - Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        Bot = BotHost.Start(Database.Settings, Slack, Settings(), clock: Clock, quartz: true);

        await Eventually.Get(() => Nags("U0ALICE"), n => n.Count > 0, "the nag after the restart");
        var timeline = (await Timeline()).Select(e => e!["text"]!.GetValue<string>());
        Assert.That(timeline.Count(t => t.Contains("working day ends", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(Nags("U0ALICE"), Has.Count.EqualTo(1));
    }

    private Dictionary<string, string?> Settings()
    {
        var hours = string.Create(CultureInfo.InvariantCulture, $"{EndOfShift.AddHours(-8):HH:mm}-{EndOfShift:HH:mm}");
        var registry = RegistryFile($$"""
            people:
              - { id: alice, name: Alice, slack: U0ALICE, timezone: UTC, hours: "{{hours}}", days: Mon-Sun }
              - { id: bob, name: Bob, slack: U0BOB }
              - { id: carol, name: Carol, slack: U0CAROL }
            areas:
              - { key: payments, name: Payments, keywords: [checkout], primary: [alice], secondary: [bob] }
            deciders: [carol]
            prod_access: []
            """);
        return new Dictionary<string, string?>
        {
            ["Registry:Path"] = registry,
            ["Handoff:RepeatEvery"] = "01:00:00",
            ["Handoff:Grace"] = "01:00:00",
        };
    }

    private async Task<long> StoredJobs(string key)
    {
        await using var database = Database.Connect();
        await using var connection = await database.Open(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM qrtz_job_details WHERE job_name = @key", new { key });
    }

    private List<SlackCall> Nags(string user) =>
        [.. Slack.CallsTo("chat.postMessage").Where(c => c.Channel == "D" + user && c.Json.Contains("handoff-form:1", StringComparison.Ordinal))];

    private List<SlackCall> InThread(string thread, string text) =>
        [.. Slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs == thread && c.Json.Contains(text, StringComparison.Ordinal))];

    private static string ButtonPress(string user, string actionId, string value) => new JsonObject
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["name"] = user.ToLowerInvariant() },
        ["api_app_id"] = SlackPayloads.AppId,
        ["trigger_id"] = $"trigger.{Guid.NewGuid():N}",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1.2", ["channel_id"] = "D" + user, ["is_ephemeral"] = false },
        ["channel"] = new JsonObject { ["id"] = "D" + user },
        ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = value, ["type"] = "button", ["action_ts"] = "1.3" }),
    }.ToJsonString();
}
