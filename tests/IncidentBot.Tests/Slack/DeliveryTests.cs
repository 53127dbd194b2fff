using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class DeliveryTests(StorageProvider provider) : HostTestBase(provider)
{
    [Test]
    public async Task A_429_is_retried_after_its_Retry_After()
    {
        Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 1);

        await Declare("Checkout down");

        var posts = Roots();
        Assert.That(posts, Has.Count.EqualTo(2), "one refused, one delivered");
        Assert.That(posts[1].At - posts[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)), "not before Retry-After");
        Assert.That(Slack.CallsTo("conversations.history"), Is.Empty, "a 429 says nothing was posted: nothing to look for");
    }

    // A bot of its own: while Slack does not answer, a bot uses the last profile it saw of the sender, however old, and
    // a shared bot has seen U0ALICE in earlier tests.
    [Test]
    [OwnBot]
    public async Task While_Slack_is_down_messages_wait_and_go_out_in_order_when_it_returns()
    {
        Slack.Down = true;
        using (await Bot.SlashCommand("Checkout down", responseUrl: Slack.ResponseUrl("a")))
        using (await Bot.SlashCommand("Site search down", responseUrl: Slack.ResponseUrl("b")))
        {
        }

        // Slack cannot say whether the sender is a guest, so the commands wait in the inbox (see the README, "Security").
        await Eventually.Get(() => Slack.CallsTo("users.info"), c => c.Count >= 3, "retries while Slack is down");
        Assert.That(await Bot.Incident(1), Is.Null, "nothing declared unchecked");

        Slack.Down = false;

        var first = await Eventually.Get(() => Bot.Incident(1), i => i?["thread"]?["id"] is not null, "INC-1's thread once Slack is back");
        var second = await Eventually.Get(() => Bot.Incident(2), i => i?["thread"]?["id"] is not null, "INC-2's thread once Slack is back");
        Assert.That(first!["thread"]!["id"]!.GetValue<string>(), Is.Not.EqualTo(second!["thread"]!["id"]!.GetValue<string>()));
        await Eventually.Get(() => Slack.Calls.Count(c => c.Method.StartsWith("response_url:", StringComparison.Ordinal) && c.Text!.Contains("declared", StringComparison.Ordinal)), n => n >= 2, "both answers");
    }

    [Test]
    [OwnBot]
    public async Task A_restart_loses_nothing_that_was_queued()
    {
        // The command may be mid-attempt when the bot stops: a short lease lets the restarted bot claim it soon.
        await Bot.DisposeAsync();
        Bot = BotHost.Start(Database.Settings, Slack, new Dictionary<string, string?> { ["Delivery:InboxLease"] = "00:00:01" });
        Slack.Down = true;
        using (await Bot.SlashCommand("Checkout down"))
        {
        }

        await Eventually.Get(() => Slack.CallsTo("users.info"), c => c.Count >= 1, "a failed attempt");
        await Bot.DisposeAsync();
        Slack.Down = false;

        Bot = BotHost.Start(Database.Settings, Slack);

        var incident = await Eventually.Get(() => Bot.Incident(1), i => i?["thread"]?["id"] is not null, "the thread after the restart");
        Assert.That(incident!["title"]!.GetValue<string>(), Is.EqualTo("Checkout down"));
        Assert.That(Roots()[^1].Text, Does.StartWith("[Outage]: Checkout down"));
    }

    [Test]
    [OwnBot]
    public async Task A_permanent_Slack_error_is_not_retried_forever()
    {
        await Bot.DisposeAsync();
        Bot = BotHost.Start(Database.Settings, Slack, new Dictionary<string, string?> { ["Slack:IncidentChannel"] = "C0MISSING" });
        Slack.FailWith("chat.postMessage", "channel_not_found");

        using (await Bot.SlashCommand("Checkout down"))
        {
        }

        await Eventually.Get(() => Slack.CallsTo("chat.postMessage"), c => c.Count == 1, "the one attempt");
        await Declare("Site search down", number: 2);
        Assert.That(Roots().Count(c => c.Channel == "C0MISSING"), Is.EqualTo(2), "one attempt each, no retry of the first");
    }

    [Test]
    public async Task A_root_post_whose_answer_was_lost_is_found_in_the_channel_and_not_posted_again()
    {
        Slack.LoseAnswerOfNext("chat.postMessage");

        var thread = await Declare("Checkout down");
        await Bot.SlashCommand("status INC-1 identified Cache flushed");

        Assert.That(Roots(), Has.Count.EqualTo(1), "one [Outage] thread");
        Assert.That(Slack.CallsTo("conversations.history").Single().Body["include_all_metadata"]?.ToString(), Is.EqualTo("true"), "a read method, sent as a form as Slack requires");
        Assert.That(Slack.TopLevelTs(Roots()[0].Channel!), Is.EqualTo<string[]>([thread]), "the thread recorded is the root that was posted");
        var update = await Eventually.Get(
            () => Slack.CallsTo("chat.postMessage").Where(c => c.Text!.StartsWith("Status:", StringComparison.Ordinal)).ToList(), c => c.Count == 1, "the status post");
        Assert.That(update[0].ThreadTs, Is.EqualTo(thread), "the thread that exists, found after the lost answer");
    }

    [Test]
    public async Task A_thread_post_whose_answer_was_lost_is_found_in_the_thread_and_not_posted_again()
    {
        var thread = await Declare("Checkout down");
        await PostsSent();
        // Slack may answer a page smaller than asked for: the look-up follows the cursor through the thread.
        Slack.MaxPageSize = 2;
        Slack.LoseAnswerOfNext("chat.postMessage", Roots()[0].Channel);

        using (await Bot.SlashCommand("status INC-1 identified Cache flushed"))
        {
        }

        await RequestsHandled();
        await PostsSent();
        var updates = Slack.CallsTo("chat.postMessage").Where(c => c.Text!.StartsWith("Status:", StringComparison.Ordinal)).ToList();
        Assert.That(updates, Has.Count.EqualTo(1), "the update posted once: its answer was lost, and the retry found it");
        Assert.That(updates[0].ThreadTs, Is.EqualTo(thread));
        var looks = Slack.CallsTo("conversations.replies");
        Assert.That(looks.Select(l => (l.Body["ts"]?.ToString(), l.Body["include_all_metadata"]?.ToString())), Has.All.EqualTo((thread, "true")));
        Assert.That(looks, Has.Count.GreaterThan(1), "the thread read page by page until the update was found");
        var oldest = DateTimeOffset.FromUnixTimeSeconds((long)double.Parse(looks[0].Body["oldest"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(Bot.Clock.GetUtcNow() - oldest, Is.InRange(TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(61)), "from a minute before it was queued: the replies before are not read");
    }

    [Test]
    public async Task A_rate_limited_look_up_waits_for_its_Retry_After_and_still_finds_the_post()
    {
        var thread = await Declare("Checkout down");
        await PostsSent();
        Slack.LoseAnswerOfNext("chat.postMessage", Roots()[0].Channel);
        Slack.RateLimitNext("conversations.replies", retryAfterSeconds: 1);

        using (await Bot.SlashCommand("status INC-1 identified Cache flushed"))
        {
        }

        await RequestsHandled();
        await PostsSent();
        var looks = Slack.CallsTo("conversations.replies");
        Assert.That(looks, Has.Count.EqualTo(2), "refused once, then answered");
        Assert.That(looks[1].At - looks[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)), "not before Retry-After");
        Assert.That(Slack.ThreadTexts(thread).Count(t => t.StartsWith("Status:", StringComparison.Ordinal)), Is.EqualTo(1), "found, not posted again");
    }

    [Test]
    public async Task A_rate_limited_look_up_holds_back_the_other_threads_look_ups_until_its_Retry_After()
    {
        var first = await Declare("Checkout down");
        var second = await Declare("Site search down", number: 2);
        await PostsSent();
        var channel = Roots()[0].Channel;
        Slack.LoseAnswerOfNext("chat.postMessage", channel);
        Slack.LoseAnswerOfNext("chat.postMessage", channel);
        Slack.RateLimitNext("conversations.replies", retryAfterSeconds: 1);

        using (await Bot.SlashCommand("status INC-1 identified Cache flushed"))
        {
        }

        // Only once INC-1's look-up was refused: a look-up already on its way when the 429 came cannot be held back.
        await Eventually.Get(() => Task.FromResult(Slack.CallsTo("conversations.replies")), c => c.Count >= 1, "INC-1's look-up");
        using (await Bot.SlashCommand("status INC-2 identified Index rebuilt"))
        {
        }

        await RequestsHandled();
        await PostsSent();
        var looks = Slack.CallsTo("conversations.replies");
        Assert.That(looks.Select(l => l.Body["ts"]?.ToString()).Distinct(), Is.EquivalentTo(new[] { first, second }), "both threads' posts were looked for");
        Assert.That(
            looks.Skip(1).Select(l => l.At - looks[0].At),
            Has.All.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)),
            "after the 429, neither thread's look-up called the method before its Retry-After");
        Assert.That(Slack.ThreadTexts(first).Count(t => t.StartsWith("Status:", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(Slack.ThreadTexts(second).Count(t => t.StartsWith("Status:", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task A_thread_post_that_never_reached_Slack_is_posted_again_after_the_look_up()
    {
        var thread = await Declare("Checkout down");
        await PostsSent();
        Slack.Down = true;

        using (await Bot.SlashCommand("status INC-1 identified Cache flushed"))
        {
        }

        await Eventually.Get(
            () => Slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs == thread).ToList(), c => c.Any(p => p.Text!.StartsWith("Status:", StringComparison.Ordinal)), "a refused attempt");
        Slack.Down = false;
        await RequestsHandled();
        await PostsSent();

        Assert.That(Slack.CallsTo("conversations.replies"), Is.Not.Empty, "looked before posting again");
        Assert.That(Slack.TopLevelTs(Roots()[0].Channel!), Is.EqualTo<string[]>([thread]));
        Assert.That(Slack.ThreadTexts(thread).Count(t => t.StartsWith("Status:", StringComparison.Ordinal)), Is.EqualTo(1), "posted, once, when Slack came back");
    }

    private List<SlackCall> Roots() =>
        [.. Slack.CallsTo("chat.postMessage").Where(c => c.Text!.StartsWith("[Outage]", StringComparison.Ordinal))];
}
