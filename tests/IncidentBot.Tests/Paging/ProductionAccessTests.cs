using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Paging;

/// <summary>"Bring in production access" through Slack: the checklist button pages, the page's Acknowledge records who.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class ProductionAccessTests(StorageProvider provider) : PagingHostTestBase(provider, Registry)
{
    private const string Registry = """
        people:
          - { id: alice, name: Alice, slack: U0ALICE }
          - { id: carol, name: Carol, slack: U0CAROL }
        areas:
          - { key: payments, name: Payments, keywords: [checkout], primary: [alice] }
        deciders: [alice]
        prod_access: [carol]
        """;

    [Test]
    public async Task The_checklist_button_pages_production_access_and_their_Acknowledge_is_recorded()
    {
        var thread = await Declare("Checkout returns 500s");
        var checklist = await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs == thread && c.Json.Contains("prodaccess:1", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "the checklist");
        Assert.That(checklist[0].Json, Does.Contain("Bring in production access"));

        using var press = await Bot.Interaction(Press("U0ALICE", "prodaccess:1"));
        var page = await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.Channel == "DU0CAROL").ToList(), c => c.Count > 0, "Carol's page");
        Assert.That(page[0].Json, Does.Contain("\"action_id\":\"prodaccess-ack:1\""));
        using var ack = await Bot.Interaction(Press("U0CAROL", "prodaccess-ack:1"));

        var incident = await Eventually.Get(() => Bot.Incident(1), i => Timelines.HasEntry(i, "acknowledged"), "Carol's acknowledgement");
        var entry = incident!["timeline"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "acknowledged")!;
        Assert.That((entry["actor"]!.GetValue<string>(), entry["text"]!.GetValue<string>()), Is.EqualTo(("<@U0CAROL>", "Carol has production access for the incident and is on it")));
        Assert.That(incident["owner"]!.GetValue<string>(), Is.EqualTo("<@U0ALICE>"));
        Assert.That(Slack.CallsTo("chat.postMessage").Count(c => c.ThreadTs == thread && c.Text!.StartsWith("Bringing in production access", StringComparison.Ordinal)), Is.EqualTo(1));
    }
}
