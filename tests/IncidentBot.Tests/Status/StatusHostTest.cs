using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Status;

/// <summary>
/// The real host with two stakeholder channels and Statuspage pointed at a fake of its own (one per fixture, reset
/// before each test), on a bot of the class's own (see <see cref="HostTestBase"/>).
/// </summary>
internal abstract class StatusHostTest(StorageProvider provider) : HostTestBase(provider)
{
    protected const string Title = "Checkout API returns 500s";
    protected const string ApiKey = "statuspage-api-key-0123";

    protected FakeStatuspage Statuspage { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartStatuspage() => Statuspage = await FakeStatuspage.Start();

    [OneTimeTearDown]
    public async Task StopStatuspage() => await Statuspage.DisposeAsync();

    [SetUp]
    public void ForgetEarlierCalls() => Statuspage.Reset();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Notify:Channels:0"] = "C0LEAD",
        ["Notify:Channels:1"] = "C0SUPPORT",
        ["Statuspage:PageId"] = "page-1",
        ["Statuspage:ApiKey"] = ApiKey,
        ["Statuspage:ApiBaseUrl"] = Statuspage.ApiBaseUrl,
    };

    protected async Task<JsonObject> StatusJson() => (await Bot.Http.GetFromJsonAsync<JsonObject>("/status.json"))!;

    protected static JsonArray Updates(JsonObject json) => json["incidents"]![0]!["updates"]!.AsArray();

    protected static string? Text(JsonNode node, string name) => node[name]?.GetValue<string>();
}
