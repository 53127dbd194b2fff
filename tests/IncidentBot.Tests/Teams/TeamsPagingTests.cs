using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Teams;

/// <summary>Paging on Teams: proactive 1:1 chats with an Acknowledge card, and both kinds of card press acknowledging.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class TeamsPagingTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string Registry = """
        people:
          - { id: alice, name: Alice Example, teams: "29:alice" }
          - { id: bob, name: Bob Example, teams: "29:bob" }
          - { id: carol, name: Carol, teams: "29:carol" }
        areas:
          - { key: payments, name: Payments, keywords: [checkout], primary: [alice], secondary: [bob] }
        deciders: [carol]
        prod_access: []
        """;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["Registry:Path"] = RegistryFile(Registry) };

    [Test]
    public async Task The_owner_is_mentioned_in_the_thread_and_paged_in_a_proactive_1_to_1_chat()
    {
        var thread = await DeclareOnTeams("Checkout returns 500s");

        var create = await Eventually.Get(() => Connector.Calls.Where(c => c.Operation == "create" && c.Body["isGroup"]!.GetValue<bool>() == false).ToList(), c => c.Count > 0, "the 1:1 chat");
        Assert.That(create[0].Body["members"]![0]!["id"]!.GetValue<string>(), Is.EqualTo("29:alice"));
        Assert.That(create[0].Body["tenantId"]!.GetValue<string>(), Is.EqualTo(TeamsActivities.Tenant));
        Assert.That(create[0].Body["bot"]!["id"]!.GetValue<string>(), Is.EqualTo(TeamsActivities.BotId));
        var page = await Eventually.Get(() => Connector.Calls.Where(c => c.Conversation == "a:dm-29:alice").ToList(), c => c.Count > 0, "the page");
        Assert.That(page[0].Card, Does.Contain("\"type\":\"Action.Execute\"").And.Contain("\"verb\":\"ack\"").And.Contain("\"fallback\":{\"type\":\"Action.Submit\""));

        var mention = await Eventually.Get(() => Connector.Calls.Where(c => c.Conversation == thread && c.Card.Contains("Paging", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "the paging note");
        Assert.That(mention[0].Card, Does.Contain("<at>Alice Example</at>").And.Contain("\"mentioned\":{\"id\":\"29:alice\",\"name\":\"Alice Example\"}"));
    }

    [Test]
    public async Task An_Action_Submit_press_by_a_decider_acknowledges()
    {
        await DeclareOnTeams("Checkout returns 500s");

        using var press = await Post(Activities.Submit("f:1", "a:dm-29:carol", new JsonObject { ["action"] = "ack", ["value"] = "1" }, user: "29:carol"));

        var incident = await Eventually.Get(() => Bot.Incident(1), i => i!["owner"]!.GetValue<string>() == "<@29:carol>" && Timelines.HasEntry(i, "acknowledged"), "Carol, a decider, to own INC-1");
        Assert.That(incident!["timeline"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()), Does.Contain("acknowledged"));
        var answer = await Eventually.Get(() => Connector.Calls.Where(c => c.Conversation == "a:dm-29:carol" && c.Card.Contains("You own INC-1", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "the answer to Carol");
        Assert.That(answer, Is.Not.Empty);
    }

    [Test]
    public async Task An_Action_Execute_press_is_answered_in_the_response_and_acknowledges()
    {
        await DeclareOnTeams("Checkout returns 500s");

        using var response = await Post(Activities.Execute("f:2", "a:dm-29:alice", new JsonObject { ["action"] = "ack", ["value"] = "1" }, user: "29:alice"));

        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(body!.ToJsonString(), Is.EqualTo("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Working on it ..."}"""));
        await Eventually.Get(() => Bot.Incident(1), i => i!["owner"]!.GetValue<string>() == "<@29:alice>", "Alice to own INC-1");
    }

    [Test]
    public async Task The_Resolve_button_sends_a_form_card_whose_submission_resolves()
    {
        await DeclareOnTeams("Checkout returns 500s");

        using var press = await Post(Activities.Submit("f:3", "a:dm-29:alice", new JsonObject { ["action"] = "resolve-form", ["value"] = "1" }, user: "29:alice"));
        var form = await Eventually.Get(() => Connector.Calls.Where(c => c.Card.Contains("Input.Text", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "the form card");
        Assert.That(form[0].Card, Does.Contain("\"id\":\"verification\"").And.Contain("\"form\":\"resolve-form\""));

        var submission = new JsonObject { ["form"] = "resolve-form", ["state"] = "1", ["verification"] = "error rate back to 0.1%" };
        using var submit = await Post(Activities.Submit("f:4", "a:dm-29:alice", submission, user: "29:alice"));

        await Eventually.Get(() => Bot.Incident(1), i => i!["status"]!.GetValue<string>() == "resolved", "INC-1 to be resolved");
    }
}
