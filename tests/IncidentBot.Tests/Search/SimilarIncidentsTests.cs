using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Search;

/// <summary>Similar earlier incidents in a new thread, through Slack and the full-text search of each store.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SimilarIncidentsTests(StorageProvider provider) : HostTestBase(provider)
{
    [Test]
    public async Task A_new_thread_shows_the_earlier_incident_sharing_a_title_word_with_its_root_cause_and_verification()
    {
        await Declare("Checkout returns 500s");
        using (await Bot.SlashCommand("rootcause INC-1 Connection pool exhausted by the nightly export")) { }
        using (await Bot.SlashCommand("resolve INC-1 Placed three test orders")) { }
        await Eventually.Get(() => Bot.Incident(1), i => i!["resolvedAt"] is not null, "INC-1 resolved");
        using (await Bot.SlashCommand("private Checkout emails exposed in logs")) { }
        await Eventually.Get(() => Bot.Incident(2), i => i?["thread"]?["id"] is not null, "INC-2's thread");

        var thread = await Declare("Checkout returned 502s", number: 3);

        var similar = await Eventually.Get(
            () => Slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs == thread && c.Json.Contains("Similar earlier incidents", StringComparison.Ordinal)).ToList(),
            c => c.Count > 0,
            "the similar incidents in INC-3's thread");
        Assert.That(similar[0].Json, Does.Contain("INC-1 [Outage]: Checkout returns 500s (resolved")
            .And.Contain("Root cause: Connection pool exhausted by the nightly export")
            .And.Contain("Verified by: Placed three test orders")
            .And.Contain("/outage related INC-3 INC-1"));
        Assert.That(similar[0].Json, Does.Not.Contain("INC-2").And.Not.Contain("emails"), "a private incident never shows in a public thread");
    }
}
