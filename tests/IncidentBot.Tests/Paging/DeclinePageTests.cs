using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Paging;

/// <summary>"I'm on something urgent" on a page, through Slack: recorded, and the next level paged without waiting.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class DeclinePageTests(StorageProvider provider) : PagingHostTestBase(provider, Registry)
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
        // The page may be sent before the declaration has put it on the timeline: count once the declaration is done.
        await RequestsHandled();
        var before = (await Timeline()).Count;

        using var press = await Bot.Interaction(Press("U0BOB", "decline:1", "1"));

        var refusal = await Eventually.Get(() => Slack.CallsTo("response_url:/hooks/commands/press-U0BOB").ToList(), c => c.Count > 0, "the refusal");
        Assert.That(refusal[0].Text, Does.StartWith("Only the people paged for INC-1 may decline a page."));
        Assert.That(await Timeline(), Has.Count.EqualTo(before));
    }
}
