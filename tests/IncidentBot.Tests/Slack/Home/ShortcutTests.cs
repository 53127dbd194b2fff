using System.Text.Json.Nodes;
using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack.Home;

/// <summary>The shortcuts through the real host: "Declare an outage" and its form, "Add to incident timeline" and its form.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class ShortcutTests(StorageProvider provider) : HostTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Registry:Path"] = RegistryFile("""
            people:
              - { id: alice, name: Alice, slack: U0ALICE }
            areas:
              - { key: payments, name: Payments, keywords: [checkout], primary: [alice] }
            """),
    };

    [Test]
    public async Task The_Declare_an_outage_shortcut_opens_the_declare_form_with_its_trigger()
    {
        await Post(SlackPayloads.Shortcut("declare_outage", "U0CAROL", "trigger.declare"));

        var open = (await Eventually.Get(() => Slack.CallsTo("views.open"), c => c.Count > 0, "the declare form"))[0];
        Assert.That(open.Body["trigger_id"]!.GetValue<string>(), Is.EqualTo("trigger.declare"));
        var view = open.Body["view"]!;
        Assert.That(view["callback_id"]!.GetValue<string>(), Is.EqualTo("declare"));
        var blocks = view["blocks"]!.AsArray().Select(b => $"{b!["block_id"]}:{b["element"]!["type"]}");
        Assert.That(string.Join(", ", blocks), Is.EqualTo(
            "summary:plain_text_input, channel:conversations_select, area:static_select, severity:static_select, visibility:static_select"));
    }

    [Test]
    public async Task The_submitted_form_declares_in_the_chosen_channel_with_its_area_severity_and_visibility()
    {
        var submission = SlackPayloads.ViewSubmission("declare", "", new() { ["summary"] = "Checkout returns 500s & <!channel> times out" }, "U0CAROL");
        var values = submission["view"]!["state"]!["values"]!.AsObject();
        values["channel"] = Picked("conversations_select", "selected_conversation", JsonValue.Create("C0INCIDENTS"));
        values["area"] = Picked("static_select", "selected_option", new JsonObject { ["value"] = "payments" });
        values["severity"] = Picked("static_select", "selected_option", new JsonObject { ["value"] = "1" });
        values["visibility"] = Picked("static_select", "selected_option", new JsonObject { ["value"] = "private" });

        var answer = await Post(submission);

        Assert.That(answer, Is.Empty, "an empty answer closes the form");
        var incident = await Eventually.Get(() => Bot.Incident(1), i => i?["thread"]?["id"] is not null, "INC-1's thread");
        // Slack sends form answers as typed, not escaped as message text is: stored as typed, escaped when posted.
        Assert.That(incident!["title"]!.GetValue<string>(), Is.EqualTo("Checkout returns 500s & <!channel> times out"));
        Assert.That(Slack.CallsTo("chat.postMessage").First(c => c.Channel == "C0INCIDENTS").Json, Does.Contain("500s &amp; &lt;!channel&gt; times out"));
        Assert.That((incident["area"]!.GetValue<string>(), incident["severity"]!.GetValue<int>(), incident["private"]!.GetValue<bool>()), Is.EqualTo(("payments", 1, true)));
        Assert.That(incident["thread"]!["channel"]!.GetValue<string>(), Is.EqualTo("C0INCIDENTS"));
        await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.Channel == "DU0ALICE").ToList(), c => c.Count > 0, "Alice paged for payments");
    }

    [Test]
    public async Task A_form_with_bad_answers_stays_open_with_each_problem_beside_its_field_and_declares_nothing()
    {
        var submission = SlackPayloads.ViewSubmission("declare", "", new() { ["summary"] = "   ", ["severity"] = "7", ["area"] = "billing" }, "U0CAROL");

        var answer = JsonNode.Parse(await Post(submission))!;

        Assert.That(answer["response_action"]!.GetValue<string>(), Is.EqualTo("errors"));
        Assert.That(answer["errors"]!["summary"]!.GetValue<string>(), Is.EqualTo("Say what is broken."));
        Assert.That(answer["errors"]!["severity"]!.GetValue<string>(), Is.EqualTo("'7' is not a severity: pick SEV-1 to SEV-4."));
        Assert.That(answer["errors"]!["area"]!.GetValue<string>(), Does.StartWith("There is no area 'billing'"));
        Assert.That(await Count("SELECT COUNT(*) FROM inbox"), Is.Zero, "nothing stored");
        Assert.That(await Bot.Incidents(), Is.Empty);
    }

    [Test]
    public async Task The_message_shortcut_adds_the_message_its_author_and_a_link_to_the_chosen_incident()
    {
        await Declare("Checkout returns 500s");
        Slack.ChannelMembers["C0OPS"] = ["U0ALICE", "U0BOB"];
        var ts = SlackPayloads.Ts(-60);

        await Post(SlackPayloads.MessageShortcut("add_to_timeline", "U0BOB", "trigger.quote", "C0SUPPORT", ts, "U0SUPPORT", "Card declines &amp; timeouts since 08:50"));

        var open = (await Eventually.Get(() => Slack.CallsTo("views.open"), c => c.Count > 0, "the incident chooser"))[0];
        var view = open.Body["view"]!;
        var option = view["blocks"]![0]!["element"]!["options"]![0]!;
        Assert.That((option["value"]!.GetValue<string>(), option["text"]!["text"]!.GetValue<string>()), Is.EqualTo(("1", "INC-1 Checkout returns 500s")));
        var submission = SlackPayloads.ViewSubmission("timeline-add", view["private_metadata"]!.GetValue<string>(), [], "U0BOB");
        submission["view"]!["state"]!["values"]!["incident"] = Picked("static_select", "selected_option", new JsonObject { ["value"] = "1" });
        await Post(submission);

        var timeline = await Eventually.Get(() => Timeline(), t => t.Any(e => e!["text"]!.GetValue<string>().StartsWith("Card declines", StringComparison.Ordinal)), "the message on the timeline");
        var entry = timeline.Single(e => e!["text"]!.GetValue<string>().StartsWith("Card declines", StringComparison.Ordinal))!;
        Assert.That(entry["actor"]!.GetValue<string>(), Is.EqualTo("<@U0SUPPORT>"));
        Assert.That(entry["text"]!.GetValue<string>(), Is.EqualTo($"Card declines & timeouts since 08:50\n(from {FakeSlack.Permalink("C0SUPPORT", ts)}, added by <@U0BOB>)"));
        Assert.That(entry["kind"]!.GetValue<string>(), Is.EqualTo("message"));
    }

    [Test]
    public async Task Someone_outside_every_incident_channel_is_told_so_and_no_form_opens()
    {
        await Declare("Checkout returns 500s");
        Slack.ChannelMembers["C0OPS"] = ["U0ALICE"];

        await Post(SlackPayloads.MessageShortcut("add_to_timeline", "U0EVE", "trigger.eve", "C0SUPPORT", SlackPayloads.Ts(-60), "U0SUPPORT", "hello"));

        var dm = await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.Channel == "DU0EVE").ToList(), c => c.Count > 0, "the answer to Eve");
        Assert.That(dm[0].Text, Does.StartWith("No open incident to add it to"));
        Assert.That(Slack.CallsTo("views.open"), Is.Empty);
    }

    private async Task<string> Post(JsonObject payload)
    {
        using var response = await Bot.Interaction(payload.ToJsonString());
        Assert.That(response.IsSuccessStatusCode, Is.True);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<long> Count(string sql)
    {
        await using var database = Database.Connect();
        await using var connection = await database.Open(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static JsonObject Picked(string type, string property, JsonNode value) => new() { ["value"] = new JsonObject { ["type"] = type, [property] = value } };
}
