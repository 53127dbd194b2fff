using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack;

/// <summary>Who may do what, through the real host with signed requests: refusals, guests, channel members, mentions.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SlackPermissionTests(StorageProvider provider) : HostTestBase(provider)
{
    [Test]
    public async Task A_guest_cannot_declare_and_is_told_so_privately_with_nothing_posted()
    {
        Slack.Guests["U0GUS"] = 0;

        using (await Bot.SlashCommand("Checkout down", user: "U0GUS", responseUrl: Slack.ResponseUrl("gus")))
        {
        }

        var answer = await Eventually.Get(() => Answers("gus"), a => a.Count > 0, "the refusal");
        Assert.That(answer[^1], Does.StartWith("Guests can reply in incident threads, but not declare an incident"));
        Assert.That(await Bot.Incidents(), Is.Empty);
        Assert.That(Slack.CallsTo("chat.postMessage"), Is.Empty, "nothing public");
    }

    [Test]
    public async Task A_guest_reply_in_the_thread_stays_on_the_timeline()
    {
        Slack.Guests["U0GUS"] = 0;
        var thread = await Declare("Checkout down");

        await Bot.Event("Ev1", SlackPayloads.Reply("C0OPS", thread, SlackPayloads.Ts(5), "U0GUS", "I see errors in the EU region"));

        var entry = (await TimelineWith(2))[1]!;
        Assert.That((entry["actor"]!.GetValue<string>(), entry["text"]!.GetValue<string>()), Is.EqualTo(("<@U0GUS>", "I see errors in the EU region")));
    }

    [Test]
    public async Task Rolling_back_is_refused_to_a_member_without_a_role_and_records_nothing()
    {
        await Declare("Checkout down");
        var before = (await Timeline()).Count;

        using (await Bot.SlashCommand("rollback INC-1 yes", user: "U0BOB", responseUrl: Slack.ResponseUrl("bob")))
        {
        }

        var answer = await Eventually.Get(() => Answers("bob"), a => a.Count > 0, "the refusal");
        Assert.That(answer[^1], Does.StartWith("Only the owner of INC-1 (&lt;@U0ALICE&gt;)").Or.StartWith("Only the owner of INC-1 (<@U0ALICE>)"));
        Assert.That((await Timeline()).Count, Is.EqualTo(before));
    }

    [Test]
    public async Task The_postmortem_is_given_to_members_of_the_incident_channel_only()
    {
        Slack.ChannelMembers["C0OPS"] = ["U0ALICE", "U0MO"];
        await Declare("Checkout down");

        using (await Bot.SlashCommand("postmortem INC-1", user: "U0OUT", responseUrl: Slack.ResponseUrl("out")))
        using (await Bot.SlashCommand("postmortem INC-1", user: "U0MO", responseUrl: Slack.ResponseUrl("mo")))
        {
        }

        Assert.That((await Eventually.Get(() => Answers("out"), a => a.Count > 0, "the refusal"))[^1], Does.StartWith("Only the members of INC-1's channel"));
        Assert.That((await Eventually.Get(() => Answers("mo"), a => a.Count > 0, "the postmortem"))[^1], Does.Contain("Checkout down").And.Not.StartWith("Only"));
    }

    [Test]
    public async Task A_mention_in_the_summary_is_posted_as_the_persons_name_not_a_mention()
    {
        Slack.Names["U0EVIL"] = "Eve";

        await Declare("Checkout down, ask <@U0EVIL> about it");

        var root = Slack.CallsTo("chat.postMessage")[0];
        Assert.That(root.Json, Does.Contain("Checkout down, ask Eve about it").And.Not.Contain("U0EVIL"));
        Assert.That((await Bot.Incident(1))!["title"]!.GetValue<string>(), Is.EqualTo("Checkout down, ask Eve about it"));
    }

    // A bot of its own: while Slack does not answer, a bot uses the last profile it saw of the sender, however old, and
    // a shared bot has seen U0ALICE in earlier tests.
    [Test]
    [OwnBot]
    public async Task When_Slack_does_not_say_who_the_sender_is_the_command_waits_and_then_runs()
    {
        Slack.FailWith("users.info", "ratelimited");

        await Declare("Checkout down");

        Assert.That(Slack.CallsTo("users.info"), Has.Count.GreaterThanOrEqualTo(2), "the failure was not kept");
    }

    /// <summary>What the sender saw through the command's response URL, in order (the receipt comes first).</summary>
    private List<string> Answers(string id) =>
        [.. Slack.Calls.Where(c => c.Method == "response_url:/hooks/commands/" + id).Select(c => c.Text ?? "")];
}
