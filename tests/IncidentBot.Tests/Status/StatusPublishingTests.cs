using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Status;

/// <summary><c>/outage status</c> reaching the thread, the stakeholder channels and Statuspage; refused on a resolved incident.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class StatusPublishingTests(StorageProvider provider) : StatusHostTest(provider)
{
    [Test]
    public async Task Stakeholder_channels_and_the_thread_receive_the_update()
    {
        var thread = await Declare(Title);

        await Bot.SlashCommand("status INC-1 identified Cache flushed");

        var posts = await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.Channel is "C0LEAD" or "C0SUPPORT").ToList(), c => c.Count == 2, "both stakeholder posts");
        Assert.That(posts.Select(p => p.Text), Has.All.EqualTo($"INC-1 {Title}: Identified — Cache flushed"));
        Assert.That(posts.Select(p => p.ThreadTs), Has.All.Null);
        var inThread = await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs == thread && c.Text!.StartsWith("Status:", StringComparison.Ordinal)).ToList(), c => c.Count == 1, "the thread post");
        Assert.That(inThread[0].Text, Is.EqualTo("Status: Identified — Cache flushed"));
        var entry = (await Timeline()).Single(e => e!["kind"]!.GetValue<string>() == "status")!;
        Assert.That((Text(entry, "actor"), Text(entry, "text")), Is.EqualTo(("<@U0ALICE>", "Status: Identified — Cache flushed")));
    }

    [Test]
    public async Task A_stakeholder_post_whose_answer_was_lost_is_found_in_the_channel_and_not_posted_again()
    {
        await Declare(Title);
        await PostsSent();
        Slack.LoseAnswerOfNext("chat.postMessage", "C0LEAD");

        using (await Bot.SlashCommand("status INC-1 identified Cache flushed"))
        {
        }

        await RequestsHandled();
        await PostsSent();
        var update = $"INC-1 {Title}: Identified — Cache flushed";
        Assert.That(Slack.CallsTo("chat.postMessage").Where(c => c.Text == update).Select(c => c.Channel), Is.EquivalentTo((string[])["C0LEAD", "C0SUPPORT"]), "once in each channel");
        Assert.That(Slack.CallsTo("conversations.history").Select(c => c.Channel), Is.EqualTo<string[]>(["C0LEAD"]), "looked where the answer was lost, before posting again");
    }

    [Test]
    public async Task Statuspage_gets_the_incident_created_then_patched()
    {
        await Declare(Title);

        await Bot.SlashCommand("status INC-1 identified Cache flushed");
        await Eventually.Get(() => Statuspage.Calls, c => c.Count == 1, "the creation");
        await Bot.SlashCommand("status INC-1 monitoring title:\"Checkout errors\" Error rate back to normal");

        var calls = await Eventually.Get(() => Statuspage.Calls, c => c.Count == 2, "the patch");
        Assert.That((calls[0].Method, calls[0].Page, calls[0].IncidentId), Is.EqualTo(("POST", "page-1", (string?)null)));
        Assert.That((calls[0].Field("name"), calls[0].Field("status"), calls[0].Field("body")), Is.EqualTo(("Degraded performance", "identified", "Cache flushed")));
        Assert.That((calls[1].Method, calls[1].IncidentId), Is.EqualTo(("PATCH", "sp-1")));
        Assert.That((calls[1].Field("name"), calls[1].Field("status"), calls[1].Field("body")), Is.EqualTo(("Checkout errors", "monitoring", "Error rate back to normal")));
        Assert.That(calls.Select(c => c.Field("name")), Has.None.EqualTo(Title), "the internal title never reaches Statuspage");
        Assert.That(calls.Select(c => c.Authorization), Has.All.EqualTo($"OAuth {ApiKey}"));
    }

    [Test]
    public async Task A_Statuspage_outage_is_retried_until_it_takes_the_update()
    {
        await Declare(Title);
        Statuspage.FailNext(503);

        await Bot.SlashCommand("status INC-1 identified Cache flushed");
        await Eventually.Get(() => Statuspage.Calls, c => c.Count == 2, "the retry");
        await Bot.SlashCommand("status INC-1 monitoring Watching");

        var calls = await Eventually.Get(() => Statuspage.Calls, c => c.Count == 3, "the next update");
        Assert.That(calls.Select(c => c.Method), Is.EqualTo<string[]>(["POST", "POST", "PATCH"]));
        Assert.That(calls[2].IncidentId, Is.EqualTo("sp-1"), "the retried creation is the one patched");
    }

    [Test]
    public async Task A_creation_whose_answer_was_lost_is_found_on_the_retry_and_not_created_twice()
    {
        await Declare(Title);
        Statuspage.LoseNextAnswer();

        await Bot.SlashCommand("status INC-1 identified Cache flushed");
        await Eventually.Get(() => Statuspage.Lookups, n => n == 1, "the look-up before trying again");
        await Bot.SlashCommand("status INC-1 monitoring Watching");

        var calls = await Eventually.Get(() => Statuspage.Calls, c => c.Count == 3, "the next updates");
        Assert.That(calls.Select(c => c.Method), Is.EqualTo<string[]>(["POST", "PATCH", "PATCH"]), "created once, then found and patched");
        Assert.That(calls.Skip(1).Select(c => c.IncidentId), Has.All.EqualTo("sp-1"));
        Assert.That(calls[0].Body["incident"]!["metadata"]!["incidentbot"]!["incident_id"]!.GetValue<string>(), Is.EqualTo("INC-1"));
        Assert.That(calls[2].Field("status"), Is.EqualTo("monitoring"));
    }

    [Test]
    public async Task A_resolved_incident_gets_no_status_update()
    {
        await Declare(Title);
        await Bot.SlashCommand("resolve Checkout success rate back at 99.9%");
        await Eventually.Get(() => Bot.Incident(1), i => Text(i!, "status") == "resolved", "the resolution");

        await Bot.SlashCommand("status INC-1 monitoring Still watching", responseUrl: Slack.ResponseUrl("late"));

        var answer = await Eventually.Get(() => Slack.Calls.Where(c => c.Method.EndsWith("/late", StringComparison.Ordinal)).ToList(), c => c.Count > 0, "the answer");
        Assert.That(answer[0].Text, Does.StartWith("INC-1 is resolved;"));
        Assert.That(Text((await Bot.Incident(1))!, "status"), Is.EqualTo("resolved"));
        Assert.That((await Timeline()).Count(e => e!["kind"]!.GetValue<string>() == "status"), Is.Zero);
        Assert.That(Statuspage.Calls.Where(c => c.Field("status") == "monitoring"), Is.Empty);
    }
}
