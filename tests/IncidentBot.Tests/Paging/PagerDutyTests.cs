using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Paging;

/// <summary>PagerDuty through the real host: the routing key reaches PagerDuty but is never written to the database.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class PagerDutyTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string RoutingKey = "R0UTINGKEY0123456789SECRET";

    private FakeWebhook pagerDuty = null!;

    [OneTimeSetUp]
    public async Task StartPagerDuty() => pagerDuty = await FakeWebhook.Start();

    [OneTimeTearDown]
    public async Task StopPagerDuty() => await pagerDuty.DisposeAsync();

    [SetUp]
    public void ForgetEarlierCalls() => pagerDuty.Reset();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings()
    {
        var registry = RegistryFile($$"""
            people:
              - { id: alice, name: Alice, slack: U0ALICE }
            areas:
              - { key: payments, name: Payments, keywords: [checkout], primary: [alice], pagerduty_routing_key: {{RoutingKey}} }
            """);
        return new Dictionary<string, string?> { ["Registry:Path"] = registry, ["Paging:PagerDutyUrl"] = pagerDuty.Url };
    }

    [Test]
    public async Task The_routing_key_is_added_when_sending_and_never_stored_in_the_outbox()
    {
        await Declare("Checkout returns 500s");

        var calls = await Eventually.Get(() => pagerDuty.Calls, c => c.Count > 0, "the PagerDuty trigger");
        var sent = JsonNode.Parse(Encoding.UTF8.GetString(calls[0].Body))!;
        Assert.That((sent["routing_key"]!.GetValue<string>(), sent["event_action"]!.GetValue<string>()), Is.EqualTo((RoutingKey, "trigger")));
        Assert.That(sent.AsObject().ContainsKey("incidentbot_area"), Is.False);
        await using var database = Database.Connect();
        await using var connection = await database.Open(CancellationToken.None);
        var stored = (await connection.QueryAsync<string>("SELECT payload FROM outbox WHERE platform = 'pagerduty'")).ToList();
        Assert.That(stored, Has.Count.EqualTo(1));
        Assert.That(stored, Has.None.Contains(RoutingKey));
    }
}
