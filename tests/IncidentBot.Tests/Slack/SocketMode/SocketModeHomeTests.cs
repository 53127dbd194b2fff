using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack.SocketMode;

/// <summary>The Home tab and the shortcuts over Socket Mode: the same as over HTTP, the form's errors in the acknowledgement.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SocketModeHomeTests(StorageProvider provider) : SocketModeTestBase(provider)
{
    [Test]
    public async Task Opening_the_Home_tab_publishes_it_with_the_open_incidents()
    {
        await DeclareOverSocket("Checkout is down");

        var ack = await Deliver(Socket, SocketEnvelopes.Event("Ev0HOME", SlackPayloads.HomeOpened("U0BOB")));

        Assert.That(ack.ContainsKey("payload"), Is.False);
        var publish = await Eventually.Get(
            () => Slack.CallsTo("views.publish").Where(c => c.Body["user_id"]!.GetValue<string>() == "U0BOB").ToList(), c => c.Count > 0, "Bob's Home tab");
        var view = publish[^1].Body["view"]!.AsObject();
        Assert.That(BlockKit.Problems(view), Is.Empty);
        Assert.That(BlockKit.Texts(view), Has.Some.StartsWith("*<https://example.slack.com/archives/C0OPS/p").And.Some.Contains("|INC-1 [Outage]: Checkout is down>*"));
    }

    [Test]
    public async Task The_declare_shortcut_opens_the_form_and_bad_answers_come_back_in_the_acknowledgement()
    {
        await Deliver(Socket, SocketEnvelopes.Interactive(SlackPayloads.Shortcut("declare_outage", "U0ALICE", "trigger.socket-declare")));
        var open = await Eventually.Get(() => Slack.CallsTo("views.open"), c => c.Count > 0, "the declare form");
        Assert.That(open[0].Body["trigger_id"]!.GetValue<string>(), Is.EqualTo("trigger.socket-declare"));

        var refused = await Deliver(Socket, SocketEnvelopes.Interactive(SlackPayloads.ViewSubmission("declare", "", new() { ["summary"] = " ", ["channel"] = "C0OPS" }, "U0ALICE")));

        Assert.That(refused["payload"]!["response_action"]!.GetValue<string>(), Is.EqualTo("errors"));
        Assert.That(refused["payload"]!["errors"]!["summary"]!.GetValue<string>(), Is.EqualTo("Say what is broken."));

        var accepted = await Deliver(Socket, SocketEnvelopes.Interactive(SlackPayloads.ViewSubmission("declare", "", new() { ["summary"] = "Search is slow", ["channel"] = "C0OPS" }, "U0ALICE")));

        Assert.That(accepted.ContainsKey("payload"), Is.False, "an acknowledgement without payload closes the form");
        var incidents = await Eventually.Get(() => Bot.Incidents(), i => i.Count > 0, "the declaration");
        Assert.That(incidents.Single()!["title"]!.GetValue<string>(), Is.EqualTo("Search is slow"), "the refused form declared nothing");
    }
}
