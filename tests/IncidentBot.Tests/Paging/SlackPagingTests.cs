using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Paging;

/// <summary>Paging end to end through the real host and the fake Slack API: mention, DMs, escalation, Acknowledge.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SlackPagingTests(StorageProvider provider) : PagingHostTestBase(provider, Registry, "00:05:00")
{
    // No working hours: always reachable, so the test does not depend on when it runs.
    private const string Registry = """
        people:
          - { id: alice, name: Alice, slack: U0ALICE }
          - { id: bob, name: Bob, slack: U0BOB }
          - { id: carol, name: Carol, slack: U0CAROL }
          - { id: nina, name: Nina }
        areas:
          - { key: payments, name: Payments, keywords: [checkout], primary: [alice, nina], secondary: [bob] }
        deciders: [carol]
        prod_access: []
        """;

    /// <summary>The acknowledgement timeout set above: the test advances the clock by it to let a page go unanswered.</summary>
    private static readonly TimeSpan AckTimeout = TimeSpan.FromMinutes(5);

    [Test]
    public async Task Declaring_mentions_the_owners_and_messages_each_with_an_Acknowledge_button()
    {
        var thread = await Declare("Checkout returns 500s");

        var paging = await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs == thread && c.Text!.StartsWith("Paging", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "the paging note");
        Assert.That(paging[0].Text, Does.Contain("<@U0ALICE>").And.Contain("Nina (no slack id in the registry)"));
        var dm = await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.Channel == "DU0ALICE").ToList(), c => c.Count > 0, "Alice's page");
        Assert.That(dm[0].Json, Does.Contain("\"action_id\":\"ack:1\"").And.Contain("Acknowledge"));
        Assert.That(Slack.CallsTo("conversations.open")[0].Body["users"]!.GetValue<string>(), Is.EqualTo("U0ALICE"));
    }

    [Test]
    public async Task A_page_whose_answer_was_lost_is_found_in_the_direct_messages_and_not_sent_again()
    {
        Slack.LoseAnswerOfNext("chat.postMessage", "DU0ALICE");

        await Declare("Checkout returns 500s");
        await RequestsHandled();
        await PostsSent();

        Assert.That(Slack.CallsTo("chat.postMessage").Count(c => c.Channel == "DU0ALICE"), Is.EqualTo(1), "Alice paged once: the retry found the page");
        Assert.That(Slack.CallsTo("conversations.history").Select(c => c.Channel), Has.Member("DU0ALICE"), "looked in the direct messages first");
    }

    [Test]
    public async Task Nobody_acknowledging_escalates_and_the_Acknowledge_button_stops_it()
    {
        await Declare("Checkout returns 500s");
        await Eventually.Get(() => Opened("U0ALICE"), n => n > 0, "Alice's page");

        await Advance(AckTimeout);
        await Eventually.Get(() => Opened("U0BOB"), n => n > 0, "the escalation to Bob");
        using var press = await Bot.Interaction(Press("U0BOB", "ack:1", "1"));

        var incident = await Eventually.Get(() => Bot.Incident(1), i => i!["owner"]!.GetValue<string>() == "<@U0BOB>" && Timelines.HasEntry(i, "acknowledged"), "Bob to own INC-1");
        var kinds = incident!["timeline"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ToList();
        Assert.That(kinds, Does.Contain("paged").And.Contain("escalated").And.Contain("acknowledged"));
        await Eventually.Get(() => Bot.Reminders.Scheduled, r => r.All(s => s.Key != "INC-1:escalate"), "the escalation to the deciders to be cancelled");

        // Past the deciders' turn and the first status nudge (ten minutes after declaring): that nudge has run.
        await Advance(AckTimeout);
        await Eventually.Get(() => Bot.Reminders.Handled, h => h.Any(r => r.Key == "INC-1:nudge-first-status"), "the first status nudge");
        Assert.That(Opened("U0CAROL"), Is.Zero, "acknowledged before the deciders were due");
        Assert.That((await Timeline()).Count(e => e!["kind"]!.GetValue<string>() == "escalated"), Is.EqualTo(1));
    }

    [Test]
    [OwnBot]
    public async Task A_restart_in_the_middle_of_an_escalation_neither_loses_nor_repeats_a_step()
    {
        // What survives a restart is Quartz's durable store: these hosts schedule with it, on the test's clock.
        await Bot.DisposeAsync();
        Bot = BotHost.Start(Database.Settings, Slack, ExtraSettings(), clock: Clock, quartz: true);
        await Declare("Checkout returns 500s");
        await Eventually.Get(() => Opened("U0ALICE"), n => n > 0, "Alice's page");
        await RequestsHandled();

        await Bot.DisposeAsync();
        // A raw jump: the bot is down, so nothing is in flight; the timeout runs out while it is.
        Clock.Advance(AckTimeout);
        Bot = BotHost.Start(Database.Settings, Slack, ExtraSettings(), clock: Clock, quartz: true);

        await Eventually.Get(() => Opened("U0BOB"), n => n > 0, "the escalation to Bob after the restart");
        // Bob's page schedules the deciders' step: once it is in Quartz's store (due after now), let it come due.
        await Eventually.Get(NextEscalationTicks, ticks => ticks > Clock.GetUtcNow().UtcTicks, "the deciders' step in Quartz's store");
        await Advance(AckTimeout);
        await Eventually.Get(() => Opened("U0CAROL"), n => n > 0, "the deciders next");
        var timeline = (await Bot.Incident(1))!["timeline"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()).ToList();
        Assert.That(timeline.Count(t => t.StartsWith("Paged Bob", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(timeline.Count(t => t.StartsWith("Paged Alice", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(Opened("U0BOB"), Is.EqualTo(1));
    }

    /// <summary>When Quartz will fire INC-1's escalation (its ticks, UTC), 0 when none is stored.</summary>
    private async Task<long> NextEscalationTicks()
    {
        await using var database = Database.Connect();
        await using var connection = await database.Open(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(next_fire_time), 0) FROM qrtz_triggers WHERE trigger_name = 'INC-1:escalate'");
    }

    private int Opened(string user) => Slack.CallsTo("conversations.open").Count(c => c.Body["users"]!.GetValue<string>() == user);
}
