using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Status;

/// <summary><c>GET /status</c> and <c>GET /status.json</c> after <c>/outage status</c> through the real host: public text only, HTML-encoded.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class StatusPageTests(StorageProvider provider) : StatusHostTest(provider)
{
    [Test]
    public async Task With_nothing_open_the_page_says_all_systems_are_operational()
    {
        using var page = await Bot.Http.GetAsync("/status");

        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("All systems operational"));
        Assert.That((page.Headers.CacheControl?.Public, page.Headers.CacheControl?.MaxAge), Is.EqualTo((true, (TimeSpan?)TimeSpan.FromSeconds(5))));
        var json = (await Bot.Http.GetFromJsonAsync<JsonObject>("/status.json"))!;
        Assert.That(json.ToJsonString(), Is.EqualTo("""{"status":"operational","incidents":[]}"""));
    }

    [Test]
    public async Task An_update_shows_on_the_status_page_and_its_json_without_thread_text_or_names()
    {
        var thread = await Declare(Title);
        await Bot.Event("Ev1", SlackPayloads.Reply("C0OPS", thread, SlackPayloads.Ts(1), "U0BOB", "internal: the primary db is at 100% cpu"));
        await TimelineWith(2);

        await Bot.SlashCommand("status INC-1 identified title:\"Checkout errors\" Cache flushed");

        var json = await Eventually.Get(StatusJson, j => j["incidents"]!.AsArray().Count == 1 && Text(j["incidents"]![0]!, "stage") == "identified", "the update on /status.json");
        var incident = json["incidents"]![0]!;
        Assert.That(json["status"]!.GetValue<string>(), Is.EqualTo("degraded"));
        Assert.That((Text(incident, "id"), Text(incident, "title"), Text(incident, "stage")), Is.EqualTo(("INC-1", "Checkout errors", "identified")));
        Assert.That(incident["resolvedAt"], Is.Null);
        Assert.That((Text(Updates(json)[0]!, "stage"), Text(Updates(json)[0]!, "message")), Is.EqualTo(("identified", "Cache flushed")));

        using var page = await Bot.Http.GetAsync("/status");
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(page.Headers.CacheControl?.MaxAge, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(html, Does.Contain("Cache flushed").And.Contain("Checkout errors").And.Contain("Identified").And.Contain("UTC"));
        foreach (var secret in new[] { "primary db", "U0ALICE", "U0BOB", Title })
        {
            Assert.That(html, Does.Not.Contain(secret));
            Assert.That(json.ToJsonString(), Does.Not.Contain(secret));
        }
    }

    [Test]
    public async Task The_status_page_shows_a_script_in_a_message_as_text()
    {
        await Declare(Title);

        // Slack sends typed angle brackets and ampersands escaped.
        await Bot.SlashCommand("status INC-1 identified &lt;script&gt;alert(1)&lt;/script&gt; &amp; more");

        var json = await Eventually.Get(StatusJson, j => j["incidents"]!.AsArray().Count == 1 && Updates(j).Count == 1, "the update");
        Assert.That(Text(Updates(json)[0]!, "message"), Is.EqualTo("<script>alert(1)</script> & more"));
        var html = await Bot.Http.GetStringAsync("/status");
        Assert.That(html, Does.Not.Contain("<script"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
    }
}
