using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Runbook;

/// <summary>The root cause through Slack: on the timeline at once, and a status form prefilled with "identified".</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class RootCauseFoundTests(StorageProvider provider) : HostTestBase(provider)
{
    [Test]
    public async Task Rootcause_records_it_and_the_button_opens_an_identified_status_form_prefilled()
    {
        var thread = await Declare("Checkout down");

        using var command = await Bot.SlashCommand("rootcause INC-1 Expired TLS certificate on the payments proxy");

        await Eventually.Get(() => Bot.Incident(1), i => Timelines.HasEntry(i, "rootcause"), "the rootcause entry");
        var ask = await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs == thread && c.Text!.Contains("found the root cause", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "the ask in the thread");
        Assert.That(ask[0].Json, Does.Contain("\"action_id\":\"status-form:1:identified\"").And.Contain("<@U0ALICE>: tell users a fix is being worked on"));

        using var press = await Bot.Interaction(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U0ALICE" },
            ["trigger_id"] = "trigger.rootcause",
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = "C0OPS", ["message_ts"] = "1.2" },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "status-form:1:identified", ["value"] = "1:identified", ["type"] = "button", ["action_ts"] = "1.3" }),
        }.ToJsonString());

        var opened = await Eventually.Get(() => Slack.CallsTo("views.open"), c => c.Count > 0, "the status form");
        var blocks = opened[0].Body["view"]!["blocks"]!.AsArray();
        Assert.That(blocks.Single(b => b!["block_id"]!.GetValue<string>() == "stage")!["element"]!["initial_option"]!["value"]!.GetValue<string>(), Is.EqualTo("identified"));
        Assert.That(blocks.Single(b => b!["block_id"]!.GetValue<string>() == "message")!["element"]!["initial_value"]!.GetValue<string>(), Is.EqualTo("We found the cause and are working on a fix."));
        var postmortem = await Bot.Http.GetStringAsync("/api/incidents/1/postmortem");
        Assert.That(postmortem, Does.Contain("Expired TLS certificate on the payments proxy"));
    }
}
