using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack;

/// <summary>A mistyped command through Slack: nothing declared, a private "did you mean", and buttons that act on it.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class DidYouMeanTests(StorageProvider provider) : HostTestBase(provider)
{
    [Test]
    public async Task A_mistyped_verb_opens_no_thread_and_Run_that_runs_the_command()
    {
        var thread = await Declare("Checkout down");

        using var typo = await Bot.SlashCommand("staus INC-1 monitoring Errors are gone", responseUrl: Slack.ResponseUrl("typo"));

        var answer = await Eventually.Get(() => Answers("typo"), a => a.Count > 0, "the suggestion");
        Assert.That(answer[0].Text, Does.StartWith("Did you mean `/outage status INC-1 monitoring Errors are gone`?"));
        var buttons = answer[0].Body["blocks"]!.AsArray().Last()!["elements"]!.AsArray();
        Assert.That(buttons.Select(b => b!["text"]!["text"]!.GetValue<string>()), Is.EqualTo<string[]>(["Run that", "Declare a new incident anyway"]));
        Assert.That(await Bot.Incidents(), Has.Count.EqualTo(1), "nothing declared");

        var run = buttons[0]!;
        using var press = await Bot.Interaction(Press("U0ALICE", run["action_id"]!.GetValue<string>(), run["value"]!.GetValue<string>()));

        await Eventually.Get(() => Bot.Incident(1), i => i!["status"]!.GetValue<string>() == "monitoring", "INC-1 to be monitoring");
        var update = await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs == thread && c.Text!.Contains("Errors are gone", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "the update in the thread");
        Assert.That(update, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Declare_anyway_opens_a_second_thread_for_a_summary_naming_an_incident()
    {
        await Declare("Checkout down");

        using var typo = await Bot.SlashCommand("Checkout down again like INC-1", user: "U0BOB", responseUrl: Slack.ResponseUrl("again"));
        var answer = await Eventually.Get(() => Answers("again"), a => a.Count > 0, "the suggestion");
        Assert.That(answer[0].Text, Does.StartWith("Did you mean `/outage note INC-1 Checkout down again like`?"));
        var anyway = answer[0].Body["blocks"]!.AsArray().Last()!["elements"]![1]!;

        using var press = await Bot.Interaction(Press("U0BOB", anyway["action_id"]!.GetValue<string>(), anyway["value"]!.GetValue<string>()));

        var second = await Eventually.Get(() => Bot.Incident(2), i => i?["thread"]?["id"] is not null, "INC-2's thread");
        Assert.That((second!["title"]!.GetValue<string>(), second["declaredBy"]!.GetValue<string>()), Is.EqualTo(("Checkout down again like INC-1", "<@U0BOB>")));
    }

    private List<SlackCall> Answers(string id) => Slack.CallsTo($"response_url:/hooks/commands/{id}").ToList();

    private string Press(string user, string actionId, string value) => new JsonObject
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user },
        ["trigger_id"] = $"trigger.{Guid.NewGuid():N}",
        ["response_url"] = Slack.ResponseUrl($"press-{user}"),
        ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = "C0OPS", ["message_ts"] = "1.2", ["is_ephemeral"] = true },
        ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = value, ["type"] = "button", ["action_ts"] = "1.3" }),
    }.ToJsonString();
}
