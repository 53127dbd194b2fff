using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Teams;

/// <summary>Declaring, the reply chain as timeline, and the answers, end to end through the fake Bot Connector.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class TeamsFlowTests(StorageProvider provider) : HostTestBase(provider)
{
    [Test]
    public async Task Declaring_in_a_channel_opens_an_Outage_conversation_with_a_card()
    {
        var thread = await DeclareOnTeams("Checkout API returns 500s area:payments sev:1");

        var create = Connector.Calls.First(c => c.Operation == "create");
        Assert.That(create.Body["isGroup"]!.GetValue<bool>(), Is.True);
        Assert.That(create.Body["channelData"]!["channel"]!["id"]!.GetValue<string>(), Is.EqualTo(TeamsActivities.Channel));
        Assert.That(create.Body["tenantId"]!.GetValue<string>(), Is.EqualTo(TeamsActivities.Tenant));
        Assert.That(create.Card, Does.Contain("\"text\":\"[Outage]: Checkout API returns 500s\"").And.Contain("\"type\":\"FactSet\"").And.Contain("SEV-1"));
        Assert.That(create.Activity!["attachments"]![0]!["contentType"]!.GetValue<string>(), Is.EqualTo("application/vnd.microsoft.card.adaptive"));
        Assert.That(create.Authorization, Is.EqualTo("Bearer " + FakeBotConnector.BotToken));
        Assert.That(thread, Does.StartWith(TeamsActivities.Channel + ";messageid="));
        Assert.That((await Bot.Incident(1))!["thread"]!["platform"]!.GetValue<string>(), Is.EqualTo("teams"));
    }

    [Test]
    public async Task The_declarer_is_answered_in_the_conversation_the_command_came_from()
    {
        await DeclareOnTeams("Site search is slow", id: "2000");

        var answer = await Eventually.Get(() => Connector.Calls.Where(c => c.Operation == "send" && c.Card.Contains("INC-1 declared", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "the answer");
        Assert.That(answer[0].Conversation, Is.EqualTo(TeamsActivities.Channel + ";messageid=2000"));
    }

    [Test]
    public async Task Replies_in_the_Outage_conversation_go_on_the_timeline_with_their_edits()
    {
        var thread = await DeclareOnTeams("Site search is slow");

        using var reply = await Post(Activities.Reply("3001", thread, "rolled back to v41"));
        var timeline = await Eventually.Get(Timeline, t => t.Any(e => e!["kind"]!.GetValue<string>() == "message"), "the reply on the timeline");
        var entry = timeline.Single(e => e!["kind"]!.GetValue<string>() == "message")!;
        Assert.That((entry["actor"]!.GetValue<string>(), entry["text"]!.GetValue<string>()), Is.EqualTo(("<@29:bob>", "rolled back to v41")));

        using var edit = await Post(Activities.Edit("3001", thread, "rolled back to v40"));
        await Eventually.Get(Timeline, t => t.Any(e => e!["text"]!.GetValue<string>() == "rolled back to v40" && e["editedAt"] is not null), "the edit");
    }

    [Test]
    public async Task Help_is_answered_with_an_Adaptive_Card()
    {
        using var response = await Post(Activities.ChannelCommand("4000", "outage help"));

        var answer = await Eventually.Get(() => Connector.Calls.Where(c => c.Operation == "send").ToList(), c => c.Count > 0, "the help card");
        Assert.That(answer[0].Card, Does.Contain("AdaptiveCard").And.Contain("@IncidentBot outage"));
        Assert.That(await Bot.Incidents(), Is.Empty);
        Assert.That(await StoredActivities(), Is.Zero, "help is final at receipt: answered, not stored");
    }

    [Test]
    public async Task A_429_from_the_connector_is_retried_and_the_thread_still_opens()
    {
        Connector.RateLimitNextCreate(1);

        await DeclareOnTeams("Checkout is down");

        Assert.That(Connector.Calls.Count(c => c.Operation == "create"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_redelivered_activity_is_processed_once()
    {
        var command = Activities.ChannelCommand("5000", "outage Checkout is down");
        using var first = await Post(command);
        using var again = await Post(command);

        await Eventually.Get(() => Bot.Incident(1), i => i?["thread"]?["id"] is not null, "the thread");
        Assert.That(await Bot.Incidents(), Has.Count.EqualTo(1));
        Assert.That(await StoredActivities(), Is.EqualTo(1));
    }

    private async Task<JsonArray> Timeline() => (JsonArray)(await Bot.Http.GetFromJsonAsync<JsonObject>("/api/incidents/1"))!["timeline"]!;
}
