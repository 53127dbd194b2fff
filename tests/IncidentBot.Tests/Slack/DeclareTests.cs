using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class DeclareTests(StorageProvider provider) : HostTestBase(provider)
{
    [Test]
    public async Task Declaring_an_outage_answers_at_once_and_opens_an_Outage_thread()
    {
        using var response = await Bot.SlashCommand("Checkout API returns 500s area:payments sev:1", user: "U0ALICE", channel: "C0OPS");

        var ack = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(ack!["response_type"]!.GetValue<string>(), Is.EqualTo("ephemeral"));
        Assert.That(ack["text"]!.GetValue<string>(), Does.Contain("Declaring [Outage]: Checkout API returns 500s"));

        var root = (await Eventually.Get(() => Slack.CallsTo("chat.postMessage"), c => c.Count > 0, "the thread root"))[0];
        Assert.That(root.Channel, Is.EqualTo("C0OPS"));
        Assert.That(root.Text, Does.StartWith("[Outage]: Checkout API returns 500s"));
        Assert.That(root.Json, Does.Contain("Investigating").And.Contain("SEV-1").And.Contain("payments").And.Contain("<@U0ALICE>").And.Contain("UTC"));
        Assert.That(root.Authorization, Is.EqualTo($"Bearer {BotHost.BotToken}"));
        var metadata = root.Body["metadata"]!;
        Assert.That(metadata["event_type"]!.GetValue<string>(), Is.EqualTo("incident_opened"));
        Assert.That((metadata["event_payload"]!["incident_id"]!.GetValue<string>(), metadata["event_payload"]!["incident_number"]!.GetValue<long>()), Is.EqualTo(("INC-1", 1L)));
    }

    [Test]
    public async Task The_incident_gets_an_id_and_its_thread_in_the_API()
    {
        var ts = await Declare("Checkout API returns 500s area:payments sev:1");

        var incident = (await Bot.Incident(1))!;
        Assert.That(incident["id"]!.GetValue<string>(), Is.EqualTo("INC-1"));
        Assert.That(incident["title"]!.GetValue<string>(), Is.EqualTo("Checkout API returns 500s"));
        Assert.That(incident["status"]!.GetValue<string>(), Is.EqualTo("investigating"));
        Assert.That(incident["severity"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(incident["area"]!.GetValue<string>(), Is.EqualTo("payments"));
        Assert.That(incident["declaredBy"]!.GetValue<string>(), Is.EqualTo("<@U0ALICE>"));
        Assert.That(incident["thread"]!.ToJsonString(), Is.EqualTo($$"""{"platform":"slack","channel":"C0OPS","id":"{{ts}}"}"""));
        Assert.That((await Timeline())[0]!["kind"]!.GetValue<string>(), Is.EqualTo("declared"));
    }

    [Test]
    public async Task The_declarer_is_told_the_incident_id_through_the_response_url()
    {
        using var response = await Bot.SlashCommand("Site search is slow", responseUrl: Slack.ResponseUrl("r1"));

        var answer = (await Eventually.Get(() => Slack.Calls.Where(c => c.Method.StartsWith("response_url:", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "the answer"))[0];
        Assert.That(answer.Text, Does.StartWith("INC-1 declared"));
        Assert.That(answer.Body["response_type"]!.GetValue<string>(), Is.EqualTo("ephemeral"));
        Assert.That(answer.Authorization, Is.Empty, "the bot token goes to the Web API only");
    }

    [Test]
    public async Task A_title_cannot_ping_a_channel_or_show_double_escaped_text()
    {
        // Slack sends typed < > & escaped; a real broadcast arrives as <!channel>.
        await Declare("&lt;!channel&gt; &amp; <!here> checkout down");

        var root = Slack.CallsTo("chat.postMessage")[0];
        Assert.That(root.Json, Does.Not.Contain("<!channel>").And.Not.Contain("<!here>").And.Not.Contain("&amp;amp;"));
        Assert.That(root.Text, Does.StartWith("[Outage]: &lt;!channel&gt; &amp; @here checkout down"));
        Assert.That((await Bot.Incident(1))!["title"]!.GetValue<string>(), Is.EqualTo("<!channel> & @here checkout down"));
    }

    [Test]
    [OwnBot]
    public async Task Threads_open_in_the_configured_incident_channel()
    {
        await Bot.DisposeAsync();
        Bot = BotHost.Start(Database.Settings, Slack, new Dictionary<string, string?> { ["Slack:IncidentChannel"] = "C0INCIDENTS" });

        await Declare("Site search is slow");

        Assert.That(Slack.CallsTo("chat.postMessage")[0].Channel, Is.EqualTo("C0INCIDENTS"));
    }

    [TestCase("help", "/outage status [INC-n]")]
    [TestCase("", "Say what is broken")]
    [TestCase("status INC-4 bogus now", "'bogus' is not a stage")]
    [TestCase("sev:7 checkout", "sev:7")]
    public async Task Help_and_bad_commands_get_usage_at_once_and_declare_nothing(string text, string expected)
    {
        using var response = await Bot.SlashCommand(text);

        Assert.That(response.IsSuccessStatusCode, Is.True);
        var ack = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(ack!["text"]!.GetValue<string>(), Does.Contain(SlackEscaped(expected)));
        Assert.That(await Bot.Incidents(), Is.Empty);
    }

    [Test]
    public async Task List_answers_with_the_open_incidents()
    {
        await Declare("Site search is slow");

        using var response = await Bot.SlashCommand("list", responseUrl: Slack.ResponseUrl("list"));

        var answer = await Eventually.Get(() => Slack.Calls.Where(c => c.Method.EndsWith("/list", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "the list");
        Assert.That(answer[0].Text, Does.Contain("1 open").And.Contain("INC-1 [Outage]: Site search is slow"));
    }

    private static string SlackEscaped(string text) => text.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
