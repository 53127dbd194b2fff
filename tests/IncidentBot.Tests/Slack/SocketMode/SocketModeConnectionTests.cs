using System.Net;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack.SocketMode;

/// <summary>Connections kept healthy: hello awaited, every disconnect reason, dropped sockets, refused URLs; nothing lost, nothing twice.</summary>
[TestFixture(StorageProvider.Sqlite)]
internal sealed class SocketModeConnectionTests(StorageProvider provider) : SocketModeTestBase(provider)
{
    [Test]
    public async Task Readyz_reports_no_connection_until_Slack_says_hello()
    {
        await ReadyzIs(HttpStatusCode.OK);
        Slack.SayHello = false;

        Socket.Drop();
        var next = await Slack.NextSocket();

        var body = await ReadyzIs(HttpStatusCode.ServiceUnavailable);
        Assert.That(body, Does.Contain("Unhealthy"));
        await next.Hello();
        await ReadyzIs(HttpStatusCode.OK);
    }

    [TestCase("warning")]
    [TestCase("refresh_requested")]
    public async Task On_a_refresh_the_next_connection_is_up_before_the_old_one_is_let_go(string reason)
    {
        Slack.SayHello = false;

        await Socket.Disconnect(reason);
        var next = await Slack.NextSocket();
        // Until the new connection is up, the old one is still read: what Slack sends there is not lost.
        await Deliver(Socket, SocketEnvelopes.SlashCommand("Checkout is down"));
        Assert.That(Socket.Closed.IsCompleted, Is.False, "the old connection stays open until the new one says hello");
        await next.Hello();
        await Socket.Closed;
        await Deliver(next, SocketEnvelopes.SlashCommand("Site search is slow"));

        await Eventually.Get(() => Bot.Incident(2), i => i?["title"] is not null, "both outages declared");
        Assert.That(Slack.CallsTo("apps.connections.open"), Has.Count.EqualTo(2), "a fresh URL for the new connection");
        Assert.That(Slack.NoNewSocket, Is.True, "two connections at most");
    }

    [Test]
    public async Task Too_many_websockets_closes_that_connection_and_another_is_opened()
    {
        await Socket.Disconnect("too_many_websockets");

        await Socket.Closed;
        var next = await Slack.NextSocket();

        var ack = await Deliver(next, SocketEnvelopes.SlashCommand("help"));
        Assert.That(ack["payload"], Is.Not.Null);
    }

    [Test]
    public async Task When_Socket_Mode_is_turned_off_the_bot_keeps_trying_to_reconnect()
    {
        await Socket.Disconnect("link_disabled");
        await Socket.CloseFromSlack();

        var next = await Slack.NextSocket();

        await Deliver(next, SocketEnvelopes.SlashCommand("Checkout is down"));
        await Eventually.Get(() => Bot.Incident(1), i => i?["title"] is not null, "the outage declared over the new connection");
    }

    [Test]
    public async Task A_dropped_socket_is_replaced_and_nothing_acknowledged_is_lost()
    {
        await Deliver(Socket, SocketEnvelopes.SlashCommand("Checkout is down"));

        Socket.Drop();
        var next = await Slack.NextSocket();
        await Deliver(next, SocketEnvelopes.SlashCommand("Site search is slow"));

        var second = await Eventually.Get(() => Bot.Incident(2), i => i?["title"] is not null, "both outages declared");
        Assert.That(second!["title"]!.GetValue<string>(), Is.EqualTo("Site search is slow"));
        Assert.That((await Bot.Incident(1))!["title"]!.GetValue<string>(), Is.EqualTo("Checkout is down"));
    }

    [Test]
    public async Task A_refused_and_a_rate_limited_apps_connections_open_are_retried_until_a_connection_is_up()
    {
        Slack.FailWith("apps.connections.open", "internal_error");
        Slack.RateLimitNext("apps.connections.open", 1);

        Socket.Drop();
        var next = await Slack.NextSocket();

        Assert.That(Slack.CallsTo("apps.connections.open"), Has.Count.EqualTo(4));
        var calls = Slack.CallsTo("apps.connections.open");
        Assert.That(calls[3].At - calls[2].At, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)), "Retry-After is honoured");
        await Deliver(next, SocketEnvelopes.SlashCommand("help"));
    }

    [Test]
    public async Task The_same_envelope_delivered_again_on_the_next_connection_is_processed_once()
    {
        var command = SocketEnvelopes.SlashCommand("Checkout is down", triggerId: "trigger.twice");
        await Deliver(Socket, command);

        // The acknowledgement was lost with the socket, so Slack delivers the envelope again on the next one.
        Socket.Drop();
        var next = await Slack.NextSocket();
        await Deliver(next, command);
        await Deliver(next, SocketEnvelopes.SlashCommand("Site search is slow"));

        // The inbox is worked in order: had the repeat been stored, "Site search is slow" would be INC-3.
        var second = await Eventually.Get(() => Bot.Incident(2), i => i?["title"] is not null, "the second outage");
        Assert.That(second!["title"]!.GetValue<string>(), Is.EqualTo("Site search is slow"));
        Assert.That(await Bot.Incidents(), Has.Count.EqualTo(2));
    }

    private async Task<string> ReadyzIs(HttpStatusCode expected)
    {
        var body = "";
        await Eventually.Get<HttpStatusCode>(
            async () =>
            {
                using var response = await Bot.Http.GetAsync("/readyz");
                body = await response.Content.ReadAsStringAsync();
                return response.StatusCode;
            },
            status => status == expected,
            $"/readyz to answer {expected}");
        return body;
    }
}
