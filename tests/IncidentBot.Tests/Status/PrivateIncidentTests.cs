using System.Net;
using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Status;

/// <summary>
/// Private incidents through the real host: declared with <c>private</c> or from a private channel, never on the status
/// page or Statuspage, their updates only in <c>Notify:PrivateChannels</c>, flagged in the API with the timeline and
/// postmortem withheld.
/// </summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class PrivateIncidentTests(StorageProvider provider) : StatusHostTest(provider)
{
    private const string Secret = "Credential leak in payments DB";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() =>
        new Dictionary<string, string?>(base.ExtraSettings()!) { ["Notify:PrivateChannels:0"] = "C0SECURITY" };

    [Test]
    public async Task A_private_incident_stays_off_the_status_page_and_Statuspage_and_its_updates_go_to_the_private_channels_only()
    {
        await Declare("private " + Secret);

        await Bot.SlashCommand("status INC-1 identified title:\"Checkout errors\" Keys rotated", responseUrl: Slack.ResponseUrl("status"));

        var answer = await Eventually.Get(() => Slack.Calls.Where(c => c.Method.EndsWith("/status", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "the answer");
        Assert.That(answer[0].Text, Does.Contain("It is private"));
        var security = await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.Channel == "C0SECURITY").ToList(), c => c.Count == 1, "the private stakeholder post");
        Assert.That(security[0].Text, Does.Contain("Keys rotated"));
        Assert.That(Slack.CallsTo("chat.postMessage").Where(c => c.Channel is "C0LEAD" or "C0SUPPORT"), Is.Empty);
        Assert.That(await Outbox("statuspage"), Is.Zero, "nothing was even queued for Statuspage");
        var page = await Bot.Http.GetStringAsync("/status");
        var json = (await StatusJson()).ToJsonString();
        Assert.That(json, Is.EqualTo("""{"status":"operational","incidents":[]}"""));
        Assert.That(page, Does.Not.Contain("Credential").And.Not.Contain("Checkout errors").And.Not.Contain("INC-1"));
    }

    [Test]
    public async Task An_incident_declared_in_a_private_channel_is_private_and_the_API_flags_it_and_withholds_its_timeline_and_postmortem()
    {
        using var declared = await Bot.PostSlack(SlackPayloads.SlashCommand(Secret, "U0ALICE", "C0PRIVATE", null, null, channelName: "privategroup"), "application/x-www-form-urlencoded");
        var incident = await Eventually.Get(() => Bot.Incident(1), i => i?["thread"]?["id"] is not null, "INC-1's thread to open");

        using var postmortem = await Bot.Http.GetAsync("/api/incidents/1/postmortem");

        Assert.That(incident!["private"]!.GetValue<bool>(), Is.True);
        Assert.That(incident["publicTitle"], Is.Null);
        Assert.That(incident["timeline"], Is.Null, "a bearer token names no person, so it gets no private timeline");
        Assert.That(postmortem.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await postmortem.Content.ReadAsStringAsync(), Does.Contain("INC-1 is private").And.Contain("Api:ShowPrivateIncidents"));
    }

    [Test]
    public async Task An_ordinary_incident_is_flagged_public_and_gets_its_public_title_with_its_first_update()
    {
        await Declare(Secret);
        Assert.That((await StatusJson())["incidents"]!.AsArray(), Is.Empty, "not on the page before its first update");

        await Bot.SlashCommand("status INC-1 identified Investigating errors");

        var json = await Eventually.Get(StatusJson, j => j["incidents"]!.AsArray().Count == 1, "the incident on the page");
        var incident = (await Bot.Incident(1))!;
        Assert.That((incident["private"]!.GetValue<bool>(), Text(incident, "publicTitle")), Is.EqualTo((false, "Degraded performance")));
        Assert.That(Text(json["incidents"]![0]!, "title"), Is.EqualTo("Degraded performance"));
        Assert.That(json.ToJsonString(), Does.Not.Contain("Credential"));
    }

    private async Task<long> Outbox(string platform)
    {
        await using var database = Database.Connect();
        await using var connection = await database.Open(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE platform = @platform", new { platform });
    }
}
