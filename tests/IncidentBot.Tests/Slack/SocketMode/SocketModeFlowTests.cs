using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack.SocketMode;

/// <summary>Running with only the app-level and bot tokens: declare, reply, press a button, fill in a modal, all over the socket.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SocketModeFlowTests(StorageProvider provider) : SocketModeTestBase(provider)
{
    [Test]
    public async Task Connections_are_opened_with_the_app_token_through_the_configured_API_base()
    {
        var open = Slack.CallsTo("apps.connections.open");

        Assert.That(open, Has.Count.EqualTo(1));
        Assert.That(open[0].Authorization, Is.EqualTo("Bearer " + AppToken));
    }

    [Test]
    public async Task A_slash_command_is_answered_in_its_acknowledgement_and_declares_the_outage()
    {
        var ack = await Deliver(Socket, SocketEnvelopes.SlashCommand("Checkout is down"));

        Assert.That(ack["payload"]!["response_type"]!.GetValue<string>(), Is.EqualTo("ephemeral"));
        Assert.That(ack["payload"]!["text"]!.GetValue<string>(), Does.StartWith("Declaring").And.Contain("Checkout is down"));
        var root = await Eventually.Get(() => Slack.CallsTo("chat.postMessage"), c => c.Count > 0, "the [Outage] thread");
        Assert.That(root[0].Text, Does.Contain("Checkout is down"));
        Assert.That(root[0].Authorization, Is.EqualTo("Bearer " + BotHost.BotToken), "the Web API is called with the bot token, not the app token");
    }

    [Test]
    public async Task Help_is_answered_at_once_in_the_acknowledgement()
    {
        var ack = await Deliver(Socket, SocketEnvelopes.SlashCommand("help"));

        Assert.That(ack["payload"]!["text"]!.GetValue<string>(), Does.Contain("/outage"));
    }

    [Test]
    public async Task A_reply_in_the_thread_lands_on_the_timeline()
    {
        var thread = await DeclareOverSocket("Checkout is down");

        var ack = await Deliver(Socket, SocketEnvelopes.Event("Ev0REPLY", SlackPayloads.Reply("C0OPS", thread, SlackPayloads.Ts(1), "U0BOB", "Rolled back the deploy")));

        Assert.That(ack.ContainsKey("payload"), Is.False, "events_api envelopes take no response payload");
        var timeline = await Eventually.Get(() => Timeline(), t => t.Any(e => e!["text"]!.GetValue<string>().Contains("Rolled back", StringComparison.Ordinal)), "the reply on the timeline");
        Assert.That(timeline.Last()!["actor"]!.GetValue<string>(), Does.Contain("U0BOB"));
    }

    [Test]
    public async Task A_button_press_opens_its_modal_and_the_submitted_modal_resolves_the_outage()
    {
        await DeclareOverSocket("Checkout is down");

        await Deliver(Socket, SocketEnvelopes.Interactive(SlackPayloads.ButtonPress("resolve-form:1", "1", "U0ALICE", "trigger.socket")));
        var open = await Eventually.Get(() => Slack.CallsTo("views.open"), c => c.Count > 0, "the Resolve modal");
        Assert.That(open[0].Body["trigger_id"]!.GetValue<string>(), Is.EqualTo("trigger.socket"));

        var ack = await Deliver(Socket, SocketEnvelopes.Interactive(SlackPayloads.ViewSubmission("resolve-form", "1", new() { ["verification"] = "Orders flow again" }, "U0ALICE")));

        Assert.That(ack.ContainsKey("payload"), Is.False, "an acknowledgement without payload closes the modal");
        await Eventually.Get(() => Bot.Incident(1), i => Timelines.HasEntry(i, "resolved"), "the incident to resolve");
    }

    [Test]
    public async Task The_HTTP_endpoint_is_not_served_without_a_signing_secret()
    {
        using var response = await Bot.Http.PostAsync("/slack/events", new StringContent("{}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_envelope_this_app_does_not_understand_is_acknowledged_and_nothing_is_stored()
    {
        var ack = await Deliver(Socket, new JsonObject { ["envelope_id"] = "e-odd", ["type"] = "something_new", ["payload"] = new JsonObject(), ["accepts_response_payload"] = false });

        Assert.That(ack.ContainsKey("payload"), Is.False);
        // Processed in order: had it been stored, the next declaration would not be INC-1's only incident.
        await DeclareOverSocket("Site search is slow");
        Assert.That(await Bot.Incidents(), Has.Count.EqualTo(1));
    }
}
