using System.Text.Json.Nodes;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class ThreadTimelineTests(StorageProvider provider) : HostTestBase(provider)
{
    [SetUp]
    public void NewBaseTs() => baseTs = null;

    [Test]
    public async Task A_reply_in_the_Outage_thread_lands_on_the_timeline_with_author_and_time()
    {
        var thread = await Declare("Checkout down");

        await Bot.Event("Ev1", SlackPayloads.Reply("C0OPS", thread, T(100.0002), "U0BOB", "Database not affected, checked the logs &amp; metrics"));

        var entry = (await TimelineWith(2))[1]!;
        Assert.That(entry["kind"]!.GetValue<string>(), Is.EqualTo("message"));
        Assert.That(entry["actor"]!.GetValue<string>(), Is.EqualTo("<@U0BOB>"));
        Assert.That(entry["text"]!.GetValue<string>(), Is.EqualTo("Database not affected, checked the logs & metrics"));
        Assert.That(entry["at"]!.GetValue<DateTimeOffset>(), Is.EqualTo(SlackPayloads.TimeOf(T(100.0002))));
    }

    [Test]
    public async Task Edits_update_the_entry_and_deletions_mark_it()
    {
        var thread = await Declare("Checkout down");
        await Bot.Event("Ev1", SlackPayloads.Reply("C0OPS", thread, T(100.0002), "U0BOB", "rolling bakc"));
        await Bot.Event("Ev2", SlackPayloads.Reply("C0OPS", thread, T(101.0003), "U0BOB", "wrong thread, sorry"));
        await TimelineWith(3);

        await Bot.Event("Ev3", SlackPayloads.Edit("C0OPS", thread, T(100.0002), T(160.0), "U0BOB", "rolling bakc", "rolling back"));
        await Bot.Event("Ev4", SlackPayloads.Delete("C0OPS", thread, T(101.0003), T(170.0), "U0BOB", "wrong thread, sorry"));

        var timeline = await Eventually.Get(() => Timeline(), t => t[2]!["deleted"] is not null && t[1]!["editedAt"] is not null, "the edit and the deletion");
        Assert.That(timeline[1]!["text"]!.GetValue<string>(), Is.EqualTo("rolling back"));
        Assert.That(timeline[1]!["editedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(SlackPayloads.TimeOf(T(160.0))));
        Assert.That(timeline[2]!["deleted"]!.GetValue<bool>(), Is.True);
        Assert.That(timeline[2]!["text"]!.GetValue<string>(), Is.EqualTo("wrong thread, sorry"), "kept for the record");
        Assert.That(timeline[1]!.AsObject().ContainsKey("deleted"), Is.False);
    }

    [Test]
    public async Task Slack_retries_and_redeliveries_add_nothing()
    {
        var thread = await Declare("Checkout down");
        var reply = SlackPayloads.Reply("C0OPS", thread, T(100.0002), "U0BOB", "checking the CDN");

        await Bot.Event("Ev1", reply);
        await Bot.Event("Ev1", (JsonObject)reply.DeepClone(), retryNum: 1);
        await Bot.Event("Ev1-again-under-another-id", (JsonObject)reply.DeepClone());
        await Bot.Event("Ev2", SlackPayloads.Reply("C0OPS", thread, T(101.0), "U0BOB", "CDN fine"));

        var timeline = await TimelineWith(3);
        Assert.That(timeline.Select(e => e!["text"]!.GetValue<string>()), Is.EqualTo<string[]>(["Checkout down", "checking the CDN", "CDN fine"]));
    }

    [Test]
    public async Task A_mention_in_the_thread_is_recorded_once_and_runs_its_command_once()
    {
        var thread = await Declare("Checkout down");
        const string text = "<@U0BOT> list";

        // Slack sends the same reply twice: as a message and as an app_mention with the same ts.
        await Bot.Event("Ev1", SlackPayloads.Reply("C0OPS", thread, T(100.0002), "U0BOB", text));
        await Bot.Event("Ev2", SlackPayloads.Mention("C0OPS", thread, T(100.0002), "U0BOB", text));
        await Bot.Event("Ev3", SlackPayloads.Mention("C0OPS", thread, T(100.0002), "U0BOB", text), retryNum: 1);

        var answers = await Eventually.Get(() => Slack.CallsTo("chat.postEphemeral"), c => c.Count > 0, "the ephemeral answer");
        Assert.That(answers[0].Body["user"]!.GetValue<string>(), Is.EqualTo("U0BOB"));
        Assert.That(answers[0].ThreadTs, Is.EqualTo(thread));
        Assert.That(answers[0].Text, Does.Contain("INC-1"));
        Assert.That(await TimelineWith(2), Has.Count.EqualTo(2));
        Assert.That(Slack.CallsTo("chat.postEphemeral"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Bot_posts_top_level_messages_and_other_threads_stay_off_the_timeline()
    {
        var thread = await Declare("Checkout down");

        await Bot.Event("Ev1", SlackPayloads.Reply("C0OPS", thread, T(100.0001), SlackPayloads.BotUserId, "my own post"));
        await Bot.Event("Ev2", SlackPayloads.Reply("C0OPS", T(-3600), T(100.0002), "U0BOB", "another thread"));
        await Bot.Event("Ev3", SlackPayloads.Reply("C0OTHER", thread, T(100.0003), "U0BOB", "same ts, other channel"));
        var topLevel = SlackPayloads.Reply("C0OPS", thread, T(100.0004), "U0BOB", "top level");
        topLevel.Remove("thread_ts");
        await Bot.Event("Ev4", topLevel);
        await Bot.Event("Ev5", SlackPayloads.Reply("C0OPS", thread, T(100.0005), "U0BOB", "the one that counts"));

        var timeline = await TimelineWith(2);
        Assert.That(timeline.Select(e => e!["text"]!.GetValue<string>()), Is.EqualTo<string[]>(["Checkout down", "the one that counts"]));
    }

    [Test]
    public async Task Events_that_arrive_out_of_order_end_in_Slacks_order_and_an_early_deletion_still_applies()
    {
        var thread = await Declare("Checkout down");

        // Newest first: the deletion of a pasted secret, an edit, then the replies themselves.
        await Bot.Event("Ev1", SlackPayloads.Delete("C0OPS", thread, T(102.0003), T(170.0), "U0CAROL", "db password is hunter2"));
        await Bot.Event("Ev2", SlackPayloads.Edit("C0OPS", thread, T(100.0002), T(160.0), "U0BOB", "rolling bakc", "rolling back"));
        await Bot.Event("Ev3", SlackPayloads.Reply("C0OPS", thread, T(102.0003), "U0CAROL", "db password is hunter2"));
        await Bot.Event("Ev4", SlackPayloads.Reply("C0OPS", thread, T(101.0001), "U0CAROL", "looking at the db"));
        await Bot.Event("Ev5", SlackPayloads.Reply("C0OPS", thread, T(100.0002), "U0BOB", "rolling bakc"));

        // The kept changes are applied one after the other once their replies are on the timeline: wait for both.
        var timeline = await Eventually.Get(
            () => Timeline(), t => t.Count == 4 && t[1]!["editedAt"] is not null && t[3]!["deleted"] is not null, "the replies, the early edit and the early deletion");
        Assert.That(timeline.Select(e => e!["text"]!.GetValue<string>()), Is.EqualTo<string[]>(["Checkout down", "rolling back", "looking at the db", "db password is hunter2"]));
        Assert.That(timeline[3]!["deleted"]?.GetValue<bool>(), Is.True, "the deleted reply is not live");
        Assert.That(timeline[2]!.AsObject().ContainsKey("deleted"), Is.False);
    }

    private string? baseTs;

    /// <summary>A ts <paramref name="seconds"/> after this test's start (by the bot's clock), the same for the same offset.</summary>
    private string T(double seconds)
    {
        baseTs ??= SlackPayloads.Ts(0);
        var micros = (long)(decimal.Parse(baseTs, System.Globalization.CultureInfo.InvariantCulture) * 1_000_000) + (long)(seconds * 1_000_000);
        return $"{micros / 1_000_000}.{micros % 1_000_000:D6}";
    }
}
