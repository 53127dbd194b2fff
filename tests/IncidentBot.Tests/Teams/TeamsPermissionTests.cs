using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Teams;

/// <summary>Guests (roster <c>userRole</c> guest), refusals as private messages, and the tenant check, through the fake Bot Connector.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class TeamsPermissionTests(StorageProvider provider) : HostTestBase(provider)
{
    [Test]
    public async Task A_guest_cannot_declare_and_is_told_so_in_a_private_chat_not_in_the_channel()
    {
        Connector.Guests["29:gus"] = 0;

        using (await Post(Activities.ChannelCommand("5000", "outage Checkout down", user: "29:gus")))
        {
        }

        var refusal = await Eventually.Get(() => PrivateTo("29:gus"), c => c.Count > 0, "the private refusal");
        Assert.That(refusal[0].Card, Does.Contain("Guests can reply in incident threads, but not declare an incident"));
        Assert.That(Connector.Calls.Where(c => c.Operation == "send" && c.Conversation!.StartsWith(TeamsActivities.Channel, StringComparison.Ordinal)), Is.Empty, "nothing in the channel");
        Assert.That(await Bot.Incidents(), Is.Empty);
    }

    [Test]
    public async Task A_guest_reply_in_the_Outage_conversation_stays_on_the_timeline()
    {
        Connector.Guests["29:gus"] = 0;
        var thread = await DeclareOnTeams("Site search is slow");

        using (await Post(Activities.Reply("3001", thread, "EU users see it too", user: "29:gus")))
        {
        }

        var timeline = await Eventually.Get(Timeline, t => t.Any(e => e!["kind"]!.GetValue<string>() == "message"), "the guest's reply");
        Assert.That(timeline.Single(e => e!["kind"]!.GetValue<string>() == "message")!["actor"]!.GetValue<string>(), Is.EqualTo("<@29:gus>"));
    }

    [Test]
    public async Task Resolving_is_refused_to_a_member_without_a_role_and_the_incident_stays_open()
    {
        var thread = await DeclareOnTeams("Site search is slow");

        var command = Activities.Reply("3002", thread, "<at>IncidentBot</at> outage resolve looks fine", user: "29:bob");
        command["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>IncidentBot</at>", ["mentioned"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "IncidentBot" } });

        using (await Post(command))
        {
        }

        var refusal = await Eventually.Get(() => PrivateTo("29:bob"), c => c.Count > 0, "the private refusal");
        Assert.That(refusal[0].Card, Does.Contain("may resolve it"));
        Assert.That((await Bot.Incident(1))!["status"]!.GetValue<string>(), Is.EqualTo("investigating"));
    }

    [Test]
    public async Task An_activity_from_another_tenant_is_refused_with_403_and_not_stored()
    {
        var activity = Activities.ChannelCommand("6000", "outage Checkout down");
        activity["conversation"]!["tenantId"] = "11111111-0000-0000-0000-000000000000";
        activity["channelData"]!["tenant"] = new JsonObject { ["id"] = "11111111-0000-0000-0000-000000000000" };

        using var response = await Post(activity);

        Assert.That((int)response.StatusCode, Is.EqualTo(403));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Teams:TenantId"));
        Assert.That(await StoredActivities(), Is.Zero);
    }

    /// <summary>Messages sent in the 1:1 chat the fake connector opens with <paramref name="user"/>.</summary>
    private List<ConnectorCall> PrivateTo(string user) => [.. Connector.Calls.Where(c => c.Operation == "send" && c.Conversation == "a:dm-" + user)];

    private async Task<JsonArray> Timeline() => (JsonArray)(await Bot.Incident(1))!["timeline"]!;
}
