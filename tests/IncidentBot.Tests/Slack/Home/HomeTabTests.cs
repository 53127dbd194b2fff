using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack.Home;

/// <summary>The App Home tab through the real host: published when opened, and again after a page, an acknowledgement and a resolve.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class HomeTabTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string Registry = """
        people:
          - { id: alice, name: Alice, slack: U0ALICE }
          - { id: bob, name: Bob, slack: U0BOB }
        areas:
          - { key: payments, name: Payments, keywords: [checkout], primary: [alice] }
        deciders: [bob]
        """;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["Registry:Path"] = RegistryFile(Registry) };

    [Test]
    public async Task Opening_the_Home_tab_publishes_the_open_incidents_with_a_link_to_each_thread()
    {
        var thread = await Declare("Checkout returns 500s sev:2");

        using var response = await Bot.Event("Ev0HOME1", SlackPayloads.HomeOpened("U0CAROL"));

        Assert.That(response.IsSuccessStatusCode, Is.True);
        var view = await HomeOf("U0CAROL", v => v.Contains("INC-1", StringComparison.Ordinal), "Carol's Home tab");
        Assert.That(BlockKit.Problems(view), Is.Empty);
        Assert.That(BlockKit.Texts(view), Has.Some.EqualTo(
            $"*<{FakeSlack.Permalink("C0OPS", thread)}|INC-1 [Outage]: Checkout returns 500s>*\nInvestigating · SEV-2 · owner <@U0ALICE> · open under 1 min"));
        Assert.That(BlockKit.Texts(view), Has.Some.EqualTo("You are not in the expertise registry, so never paged."));
    }

    [Test]
    public async Task The_Home_tab_shows_the_page_then_the_acknowledgement_then_a_status_update_then_the_resolve()
    {
        await Declare("Checkout returns 500s", user: "U0CAROL");

        var paged = await HomeOf("U0ALICE", v => v.Contains("\"action_id\":\"ack:1\"", StringComparison.Ordinal), "Alice's page on her Home tab");
        Assert.That(BlockKit.Problems(paged), Is.Empty);
        Assert.That(BlockKit.Texts(paged), Has.Some.StartsWith("*You are paged:* INC-1 [Outage]: Checkout returns 500s"));

        using (var press = await Bot.Interaction(SlackPayloads.HomeButton("ack:1", "1", "U0ALICE").ToJsonString()))
        {
            Assert.That(press.IsSuccessStatusCode, Is.True);
        }

        var acknowledged = await HomeOf("U0ALICE", v => !v.Contains("ack:1", StringComparison.Ordinal), "Alice's Home tab after she acknowledged");
        Assert.That(BlockKit.Texts(acknowledged), Has.Some.Contains("owner <@U0ALICE>").And.Some.EqualTo("Nothing is waiting on you."));
        var answer = await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.Channel == "DU0ALICE" && c.Text == "You own INC-1 now.").ToList(), c => c.Count > 0, "the answer by DM");
        Assert.That(answer, Has.Count.EqualTo(1), "a press in the Home tab has no channel: the answer is a direct message");

        using (var status = await Bot.SlashCommand("status 1 identified Card payments fail; a fix is on its way", user: "U0ALICE"))
        {
            Assert.That(status.IsSuccessStatusCode, Is.True);
        }

        await HomeOf("U0CAROL", v => v.Contains("Identified · SEV", StringComparison.Ordinal) || v.Contains("Identified · severity", StringComparison.Ordinal), "the new status on the declarer's Home tab");

        using (var resolve = await Bot.SlashCommand("resolve 1 Test order paid", user: "U0ALICE"))
        {
            Assert.That(resolve.IsSuccessStatusCode, Is.True);
        }

        var resolved = await HomeOf("U0ALICE", v => v.Contains("Open incidents (0)", StringComparison.Ordinal), "Alice's Home tab after the resolve");
        Assert.That(BlockKit.Texts(resolved), Has.Some.EqualTo("No incident is open."));
        Assert.That(BlockKit.Problems(resolved), Is.Empty);
        await HomeOf("U0CAROL", v => v.Contains("Open incidents (0)", StringComparison.Ordinal), "the declarer's Home tab after the resolve");
    }

    [Test]
    public async Task The_out_of_office_button_marks_the_person_away_and_back()
    {
        using (var away = await Bot.Interaction(SlackPayloads.HomeButton("home-ooo", "ooo", "U0ALICE").ToJsonString()))
        {
            Assert.That(away.IsSuccessStatusCode, Is.True);
        }

        var marked = await HomeOf("U0ALICE", v => v.Contains("home-back", StringComparison.Ordinal), "the I'm back button");
        Assert.That(BlockKit.Texts(marked), Has.Some.EqualTo("You are out of office: pages skip you."));

        using (var back = await Bot.Interaction(SlackPayloads.HomeButton("home-back", "back", "U0ALICE").ToJsonString()))
        {
            Assert.That(back.IsSuccessStatusCode, Is.True);
        }

        var returned = await HomeOf("U0ALICE", v => v.Contains("You can be paged now.", StringComparison.Ordinal), "Alice back");
        Assert.That(returned["blocks"]![1]!["accessory"]!["action_id"]!.GetValue<string>(), Is.EqualTo("home-ooo"));
    }

    /// <summary>The latest view published for the user once it satisfies <paramref name="done"/> (on its JSON text).</summary>
    private async Task<JsonObject> HomeOf(string user, Func<string, bool> done, string what)
    {
        var calls = await Eventually.Get(
            () => Slack.CallsTo("views.publish").Where(c => c.Body["user_id"]!.GetValue<string>() == user).ToList(),
            c => c.Count > 0 && done(c[^1].Json),
            what);
        return calls[^1].Body["view"]!.AsObject();
    }
}
