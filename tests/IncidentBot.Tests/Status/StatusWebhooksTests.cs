using System.Text.Json.Nodes;
using IncidentBot.Hosting;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Status;

/// <summary>Notify:Webhooks: every public status update as signed JSON; private incidents and internal titles never.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class StatusWebhooksTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string Secret = "status-secret-0123456789";
    private FakeWebhook webhook = null!;

    [OneTimeSetUp]
    public async Task StartWebhook() => webhook = await FakeWebhook.Start();

    [OneTimeTearDown]
    public async Task StopWebhook() => await webhook.DisposeAsync();

    [SetUp]
    public void ForgetEarlierCalls() => webhook.Reset();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() =>
        new Dictionary<string, string?> { ["Notify:Webhooks:0"] = webhook.Url, ["Notify:WebhookSecret"] = Secret };

    [Test]
    public async Task Every_public_status_update_is_posted_signed_with_the_public_title_and_private_ones_never()
    {
        await Declare("Checkout returns 500s on the orders-db primary");
        using (await Bot.SlashCommand("status INC-1 identified title:\"Checkout errors\" We found the cause and are working on a fix.")) { }
        await Eventually.Get(() => webhook.Calls, c => c.Count > 0, "the first update");
        using (await Bot.SlashCommand("private Customer emails exposed")) { }
        await Eventually.Get(() => Bot.Incident(2), i => i?["thread"]?["id"] is not null, "INC-2's thread");
        using (await Bot.SlashCommand("status INC-2 identified Rotating the leaked keys")) { }
        // A private incident's timeline is not in the API; its status is.
        await Eventually.Get(() => Bot.Incident(2), i => i!["status"]!.GetValue<string>() == "identified", "INC-2's update");
        using (await Bot.SlashCommand("status INC-1 monitoring A fix is out; watching the error rate")) { }

        var calls = await Eventually.Get(() => webhook.Calls, c => c.Count >= 2, "the second public update");
        Assert.That(calls, Has.Count.EqualTo(2), "INC-2 is private");
        var first = JsonNode.Parse(calls[0].Body)!;
        Assert.That((first["incident"]!.GetValue<string>(), first["title"]!.GetValue<string>(), first["status"]!.GetValue<string>(), first["message"]!.GetValue<string>()),
            Is.EqualTo(("INC-1", "Checkout errors", "identified", "We found the cause and are working on a fix.")));
        Assert.That(JsonNode.Parse(calls[1].Body)!["status"]!.GetValue<string>(), Is.EqualTo("monitoring"));
        Assert.That(calls.Select(c => System.Text.Encoding.UTF8.GetString(c.Body)), Has.None.Contain("orders-db"), "never the internal title");
        Assert.That(calls[0].Signature, Is.EqualTo(SignedWebhook.Sign(Secret, calls[0].Timestamp, calls[0].Body)));
    }
}
