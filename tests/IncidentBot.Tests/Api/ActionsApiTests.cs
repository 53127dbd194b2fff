using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Api;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class ActionsApiTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string Token = "api-token-for-tests-0123456789";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["Api:Token"] = Token };

    [Test]
    public async Task Actions_recorded_in_Slack_are_listed_across_incidents_and_open_ones_leave_the_done_out()
    {
        Bot.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        await Declare("Checkout down");
        await Bot.SlashCommand("action INC-1 <@U0BOB|bob> due:2099-12-04 Alert on cache misses");
        await Bot.SlashCommand("action INC-1 Load test the checkout", user: "U0CAROL");
        await Eventually.Get(() => Actions(""), a => a.Count == 2, "two actions");

        await Bot.SlashCommand("done A-1", user: "U0BOB");
        var open = await Eventually.Get(() => Actions("?open=true"), a => a.Count == 1, "A-1 done");

        Assert.That(open[0]!["id"]!.GetValue<string>(), Is.EqualTo("A-2"));
        var all = await Actions("");
        var first = all[0]!.AsObject();
        Assert.That(
            (first["incident"]!.GetValue<string>(), first["owner"]!.GetValue<string>(), first["due"]!.GetValue<string>(), first["done"]!.GetValue<bool>(), first["doneBy"]!.GetValue<string>()),
            Is.EqualTo(("INC-1", "<@U0BOB>", "2099-12-04", true, "<@U0BOB>")));
        // Marking the action done and writing its timeline entry are two writes: the API may show the first alone.
        await Eventually.Get(
            () => Timeline(), t => t.Select(e => e!["text"]!.GetValue<string>()).Contains("A-1 done: Alert on cache misses"), "A-1 done on the timeline");
    }

    [Test]
    public async Task Sev_and_started_from_Slack_change_the_incident_and_go_on_its_timeline()
    {
        Bot.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        await Declare("Checkout down sev:3");

        await Bot.SlashCommand("sev INC-1 2");
        await Bot.SlashCommand("started INC-1 45 min ago");

        var timeline = await Eventually.Get(() => Timeline(), t => t.Any(e => e!["kind"]!.GetValue<string>() == "detected") && t.Any(e => e!["kind"]!.GetValue<string>() == "severity"), "severity and detected entries");
        Assert.That(timeline.Single(e => e!["kind"]!.GetValue<string>() == "severity")!["text"]!.GetValue<string>(), Is.EqualTo("Severity: SEV-3 -> SEV-2"));
        Assert.That((await Bot.Incident(1))!["severity"]!.GetValue<int>(), Is.EqualTo(2));
        using var postmortem = await Bot.Http.GetAsync("/api/incidents/1/postmortem");
        // 45 minutes before the command was processed, a moment after the declaration.
        Assert.That(await postmortem.Content.ReadAsStringAsync(), Does.Match(@"\| Time to detect \| 4[45] min \|"));
    }

    [Test]
    public async Task A_bad_open_filter_is_answered_400_and_the_list_needs_the_token()
    {
        Bot.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var bad = await Bot.Http.GetAsync("/api/actions?open=maybe");
        Bot.Http.DefaultRequestHeaders.Authorization = null;
        using var anonymous = await Bot.Http.GetAsync("/api/actions");

        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("open must be true or false, was 'maybe'."));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private async Task<JsonArray> Actions(string query) => (await Bot.Http.GetFromJsonAsync<JsonArray>("/api/actions" + query))!;
}
