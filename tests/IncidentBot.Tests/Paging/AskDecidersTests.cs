using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Paging;

/// <summary>Asking the deciders through Slack: the question by DM, the answer with a note through a modal, a decision in the thread.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class AskDecidersTests(StorageProvider provider) : PagingHostTestBase(provider, Registry)
{
    private const string Registry = """
        people:
          - { id: alice, name: Alice, slack: U0ALICE }
          - { id: carol, name: Carol, slack: U0CAROL }
        areas:
          - { key: payments, name: Payments, keywords: [checkout], primary: [alice] }
        deciders: [carol]
        """;

    [Test]
    public async Task A_decider_answers_with_a_note_and_the_decision_is_posted_in_the_thread()
    {
        var thread = await Declare("Checkout returns 500s");

        using var ask = await Bot.SlashCommand("priority INC-1 Does this come before the release?");
        var question = await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.Channel == "DU0CAROL" && c.Text!.Contains("asks", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "Carol's question");
        Assert.That(question[0].Json, Does.Contain("\"action_id\":\"priority:1:drop\"").And.Contain("Can wait").And.Contain("Does this come before the release?"));

        using var press = await Bot.Interaction(Press("U0CAROL", "priority:1:drop", "1:drop"));
        var form = await Eventually.Get(() => Slack.CallsTo("views.open"), c => c.Count > 0, "the answer form");
        Assert.That(form[0].Body["view"]!["callback_id"]!.GetValue<string>(), Is.EqualTo("priority"));

        using var submit = await Bot.Interaction(SlackPayloads.ViewSubmission("priority", "1", new() { ["answer"] = "drop", ["note"] = "the release can slip a day" }, "U0CAROL").ToJsonString());

        var decision = await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs == thread && c.Text!.StartsWith("Priority:", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "the decision in the thread");
        Assert.That(decision[0].Text, Is.EqualTo("Priority: INC-1 comes first: drop everything (decided by <@U0CAROL>): the release can slip a day"));
        var incident = await Bot.Incident(1);
        Assert.That(incident!["timeline"]!.AsArray().Count(e => e!["kind"]!.GetValue<string>() == "decision" && e["actor"]!.GetValue<string>() == "<@U0CAROL>"), Is.EqualTo(1));
    }
}
