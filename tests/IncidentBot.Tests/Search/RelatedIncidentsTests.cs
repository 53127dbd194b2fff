using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Search;

/// <summary><c>/outage related</c>, the question at resolve and the postmortem, through Slack and each store.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class RelatedIncidentsTests(StorageProvider provider) : HostTestBase(provider)
{
    [SetUp]
    public async Task ARecurrence()
    {
        await Declare("Checkout returns 500s");
        using (await Bot.SlashCommand("rootcause INC-1 Connection pool exhausted")) { }
        using (await Bot.SlashCommand("resolve INC-1 Placed three test orders")) { }
        await Eventually.Get(() => Bot.Incident(1), i => i!["resolvedAt"] is not null, "INC-1 resolved");
        await Declare("Checkout returns 502s", number: 2);
    }

    [Test]
    public async Task Relating_is_stored_once_on_both_timelines_and_the_postmortem_lists_the_other()
    {
        Assert.That(await Ask("related INC-2 INC-1", "first"), Does.StartWith("INC-2 and INC-1 are related now"));
        Assert.That(await Ask("related INC-1 INC-2", "again"), Is.EqualTo("INC-1 and INC-2 are related already."));

        Assert.That(Related(await Timeline(1)), Is.EqualTo<string[]>(["Related to INC-2 [Outage]: Checkout returns 502s"]));
        Assert.That(Related(await Timeline(2)), Is.EqualTo<string[]>(["Related to INC-1 [Outage]: Checkout returns 500s"]));
        var postmortem = await Bot.Http.GetStringAsync("/api/incidents/INC-2/postmortem");
        Assert.That(postmortem, Does.Contain("## Related incidents\n\n- **INC-1** Checkout returns 500s (earlier, resolved")
            .And.Contain("  - Root cause: Connection pool exhausted\n  - Verified by: Placed three test orders\n"));
    }

    [Test]
    public async Task An_unknown_id_is_answered_and_nothing_is_related()
    {
        Assert.That(await Ask("related INC-2 INC-7", "unknown"), Is.EqualTo("There is no incident INC-7."));

        Assert.That(Related(await Timeline(2)), Is.Empty);
    }

    [Test]
    public async Task Resolving_asks_whether_the_earlier_checks_were_repeated_and_the_button_records_the_answer()
    {
        await Ask("related INC-2 INC-1", "link");
        using (await Bot.SlashCommand("resolve INC-2 Placed an order")) { }

        var question = await Eventually.Get(
            () => Slack.CallsTo("chat.postMessage").Where(c => c.Json.Contains("Were INC-1's checks repeated?", StringComparison.Ordinal)).ToList(),
            c => c.Count > 0,
            "the question in INC-2's thread");
        Assert.That(question[0].Json, Does.Contain("\"action_id\":\"reverify:2:1:repeated\"").And.Contain("Not needed").And.Contain("verified by: Placed three test orders"));

        using (await Bot.Interaction(SlackPayloads.ButtonPress("reverify:2:1:repeated", "2:1:repeated", "U0ALICE", "trigger.reverify").ToJsonString())) { }

        var incident = await Eventually.Get(() => Bot.Incident(2), i => Texts(i).Any(t => t.Contains("repeated the checks of INC-1", StringComparison.Ordinal)), "the answer on INC-2's timeline");
        Assert.That(Texts(incident), Has.One.EndsWith("repeated the checks of INC-1: Placed three test orders"));
        Assert.That(await Bot.Http.GetStringAsync("/api/incidents/INC-2/postmortem"), Does.Contain("  - Its checks this time: ").And.Contain("repeated the checks of INC-1"));
    }

    private async Task<string> Ask(string command, string name)
    {
        using (await Bot.SlashCommand(command, responseUrl: Slack.ResponseUrl(name))) { }
        var answer = await Eventually.Get(() => Slack.CallsTo($"response_url:/hooks/commands/{name}").Where(c => c.Text != "Working on it ...").ToList(), c => c.Count > 0, $"the answer to '{command}'");
        return answer[0].Text!;
    }

    private static string[] Texts(System.Text.Json.Nodes.JsonObject? incident) =>
        [.. incident!["timeline"]!.AsArray().Select(e => e!["text"]!.GetValue<string>())];

    private static string[] Related(System.Text.Json.Nodes.JsonArray timeline) =>
        [.. timeline.Where(e => e!["kind"]!.GetValue<string>() == "related").Select(e => e!["text"]!.GetValue<string>())];
}
