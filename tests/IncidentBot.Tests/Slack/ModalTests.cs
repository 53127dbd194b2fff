using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack;

/// <summary>The Resolve button opens a modal; submitting it resolves the incident with what was verified.</summary>
[TestFixture(StorageProvider.Sqlite)]
internal sealed class ModalTests(StorageProvider provider) : HostTestBase(provider)
{
    [Test]
    public async Task The_Resolve_button_opens_a_modal_that_requires_the_verification()
    {
        await Declare("Checkout down");

        await Post(Press("resolve-form:1", "1"));

        var open = (await Eventually.Get(() => Slack.CallsTo("views.open"), c => c.Count > 0, "the modal"))[0];
        Assert.That(open.Body["trigger_id"]!.GetValue<string>(), Is.EqualTo("trigger.resolve"));
        var blocks = open.Body["view"]!["blocks"]!.AsArray();
        Assert.That(blocks[0]!["block_id"]!.GetValue<string>(), Is.EqualTo("verification"));
        Assert.That(blocks[0]!["optional"]!.GetValue<bool>(), Is.False);
        Assert.That(blocks.Skip(1).Select(b => b!["optional"]!.GetValue<bool>()), Is.All.True);
    }

    [Test]
    public async Task The_Status_button_opens_a_modal_asking_for_the_public_title_prefilled_with_a_neutral_one()
    {
        await Declare("Credential leak in the checkout DB");

        await Post(Press("status-form:1", "1"));

        var open = (await Eventually.Get(() => Slack.CallsTo("views.open"), c => c.Count > 0, "the modal"))[0];
        var title = open.Body["view"]!["blocks"]!.AsArray().Single(b => b!["block_id"]!.GetValue<string>() == "public_title")!;
        Assert.That(title["element"]!["initial_value"]!.GetValue<string>(), Is.EqualTo("Degraded performance"));
        Assert.That(title["optional"]!.GetValue<bool>(), Is.False);
        Assert.That(open.Body.ToJsonString(), Does.Not.Contain("Credential leak"));
    }

    [Test]
    public async Task Submitting_the_Resolve_modal_resolves_with_what_was_verified()
    {
        await Declare("Checkout down");

        await Post(Submission("resolve-form", "1", new() { ["verification"] = "Test order paid, error rate back to 0.1%", ["root_cause"] = null, ["resolution"] = null }));

        var incident = await Eventually.Get(() => Bot.Incident(1), i => Timelines.HasEntry(i, "resolved"), "the incident to resolve");
        var resolved = incident!["timeline"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "resolved")!;
        Assert.That(resolved["text"]!.GetValue<string>(), Does.EndWith("Verified: Test order paid, error rate back to 0.1%"));
        Assert.That(incident["resolvedAt"], Is.Not.Null);
    }

    [Test]
    public async Task A_modal_submitted_without_verification_stays_open_saying_why_and_the_incident_stays_open()
    {
        await Declare("Checkout down");

        using var response = await Bot.Interaction(Submission("resolve-form", "1", new() { ["verification"] = "   " }).ToJsonString());

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(answer["response_action"]!.GetValue<string>(), Is.EqualTo("errors"));
        Assert.That(answer["errors"]!["verification"]!.GetValue<string>(), Is.EqualTo("Write what you checked to confirm service is restored."));
        Assert.That((await Bot.Incident(1))!["status"]!.GetValue<string>(), Is.EqualTo("investigating"));
    }

    private async Task Post(JsonObject payload)
    {
        using var response = await Bot.Interaction(payload.ToJsonString());
        Assert.That(response.IsSuccessStatusCode, Is.True);
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty, "an empty answer closes a modal");
    }

    private static JsonObject Press(string actionId, string value) => SlackPayloads.ButtonPress(actionId, value, "U0ALICE", "trigger.resolve");

    private static JsonObject Submission(string callbackId, string state, Dictionary<string, string?> values) =>
        SlackPayloads.ViewSubmission(callbackId, state, values, "U0ALICE");
}
