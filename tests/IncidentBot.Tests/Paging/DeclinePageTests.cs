using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Paging;

/// <summary>"I'm on something urgent" on a page, through Slack: recorded, and the next level paged without waiting.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class DeclinePageTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string Registry = """
        people:
          - { id: alice, name: Alice, slack: U0ALICE }
          - { id: bob, name: Bob, slack: U0BOB }
          - { id: carol, name: Carol, slack: U0CAROL }
        areas:
          - { key: payments, name: Payments, keywords: [checkout], primary: [alice], secondary: [bob] }
        deciders: [carol]
        """;

    private string registryPath = null!;

    // An hour to acknowledge: anyone paged next was paged by the decline, not by the timeout.
    protected override IReadOnlyDictionary<string, string?> ExtraSettings()
    {
        registryPath = Path.Combine(Path.GetTempPath(), $"expertise-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(registryPath, Registry);
        return new Dictionary<string, string?> { ["Registry:Path"] = registryPath, ["Paging:AckTimeout"] = "01:00:00" };
    }

    [TearDown]
    public void DeleteRegistry() => File.Delete(registryPath);

    [Test]
    public async Task Im_on_something_urgent_records_the_decline_and_pages_the_next_level_at_once()
    {
        var thread = await Declare("Checkout returns 500s");
        var page = await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.Channel == "DU0ALICE").ToList(), c => c.Count > 0, "Alice's page");
        Assert.That(page[0].Json, Does.Contain("\"action_id\":\"decline:1\"").And.Contain("I'm on something urgent"));

        using var press = await Bot.Interaction(Press("U0ALICE", "decline:1", "1"));

        await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.Channel == "DU0BOB").ToList(), c => c.Count > 0, "Bob's page");
        var incident = await Eventually.Get(() => Bot.Incident(1), i => Timelines.HasEntry(i, "escalated"), "the escalation on the timeline");
        var texts = incident!["timeline"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()).ToList();
        Assert.That(texts, Does.Contain("Alice declined the page: on something equally urgent"));
        // Queued before the escalation, but delivered by the outbox in its own time: wait for it.
        var note = await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs == thread && c.Text!.StartsWith("Alice cannot take this", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "the note in the thread");
        Assert.That(note, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Someone_not_paged_pressing_it_is_refused_and_nothing_is_recorded()
    {
        await Declare("Checkout returns 500s");
        await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.Channel == "DU0ALICE").ToList(), c => c.Count > 0, "Alice's page");
        var before = (await Timeline()).Count;

        using var press = await Bot.Interaction(Press("U0BOB", "decline:1", "1"));

        var refusal = await Eventually.Get(() => Slack.CallsTo("response_url:/hooks/commands/press-U0BOB").ToList(), c => c.Count > 0, "the refusal");
        Assert.That(refusal[0].Text, Does.StartWith("Only the people paged for INC-1 may decline a page."));
        Assert.That(await Timeline(), Has.Count.EqualTo(before));
    }

    private string Press(string user, string actionId, string value) => new JsonObject
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user },
        ["trigger_id"] = $"trigger.{Guid.NewGuid():N}",
        ["response_url"] = Slack.ResponseUrl($"press-{user}"),
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1.2", ["channel_id"] = "D" + user },
        ["channel"] = new JsonObject { ["id"] = "D" + user },
        ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = value, ["type"] = "button", ["action_ts"] = "1.3" }),
    }.ToJsonString();
}
