using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Search;

public sealed class RelateIncidentsTests
{
    private CoreHarness core = null!;

    [SetUp]
    public async Task TwoIncidents()
    {
        core = new CoreHarness();
        await core.Run("Checkout returns 500s");
        await core.Run("rootcause INC-1 Connection pool exhausted");
        await core.Run("resolve INC-1 Placed three test orders");
        await core.Run("Checkout returns 502s");
    }

    [Test]
    public async Task Relating_puts_an_entry_on_both_timelines_and_shows_the_other_in_the_thread()
    {
        await core.Run("related INC-2 INC-1", core.Context(user: "bob"));

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("INC-2 and INC-1 are related now: both timelines say so and both postmortems list the other."));
        Assert.That(Related(2), Is.EqualTo<string[]>(["bob: Related to INC-1 [Outage]: Checkout returns 500s"]));
        Assert.That(Related(1), Is.EqualTo<string[]>(["bob: Related to INC-2 [Outage]: Checkout returns 502s"]));
        var post = core.Posts.Single(p => p.Message.Key == "INC-2:related:1").Message.Text;
        Assert.That(post, Does.Contain("Root cause: Connection pool exhausted").And.Contain("Verified by: Placed three test orders"));
        Assert.That(await core.Links.RelatedTo(1, CancellationToken.None), Is.EqualTo<long[]>([2]));
    }

    [Test]
    public async Task Relating_again_either_way_round_changes_nothing()
    {
        await core.Run("related INC-2 INC-1");
        await core.Run("related INC-1 INC-2");

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("INC-1 and INC-2 are related already."));
        Assert.That(Related(1), Has.Count.EqualTo(1));
        Assert.That(Related(2), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task In_the_thread_one_id_names_the_other_incident()
    {
        await core.Run("related INC-1", core.Context(thread: "thread-2"));

        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("INC-2 and INC-1 are related now"));
    }

    [TestCase("related INC-2 INC-9", "There is no incident INC-9.")]
    [TestCase("related INC-9 INC-1", "There is no incident INC-9.")]
    [TestCase("related INC-2 INC-2", "An incident cannot be related to itself: name two different incidents, as in 'related INC-2 INC-1'.")]
    [TestCase("related", "Name the incident to relate, as in 'related INC-5 INC-2'.\nUsage: /outage related [INC-n] <other INC-m>")]
    [TestCase("related INC-2 INC-1 again", "'INC-2 INC-1 again' is not two incident ids: write 'related INC-5 INC-2'.\nUsage: /outage related [INC-n] <other INC-m>")]
    public async Task A_bad_request_says_what_is_wrong_and_relates_nothing(string command, string answer)
    {
        await core.Run(command);

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo(answer));
        Assert.That(Related(1).Concat(Related(2)), Is.Empty);
    }

    [Test]
    public async Task A_private_incident_the_sender_may_not_read_is_not_related()
    {
        await core.Run("private Checkout card numbers in logs", core.Context(channel: "C-sec"));
        core.Directory.ChannelMembers["C-sec"] = ["alice"];

        await core.Run("related INC-3 INC-1", core.Context(user: "bob"));

        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("INC-3 is private: Only ").And.EndWith("may read its timeline. Nothing was related."));
        Assert.That(Related(1).Concat(Related(3)), Is.Empty);
    }

    [Test]
    public async Task A_private_incident_is_related_only_to_private_incidents_of_its_channel()
    {
        await core.Run("private Checkout card numbers in logs", core.Context(channel: "C-sec"));
        await core.Run("private Checkout card numbers in traces", core.Context(channel: "C-sec"));
        core.Directory.ChannelMembers["C-sec"] = ["alice"];

        await core.Run("related INC-3 INC-1", core.Context(user: "alice"));
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("INC-3 is private and INC-1 is not a private incident of the same channel"));
        Assert.That(Related(1).Concat(Related(3)), Is.Empty);

        await core.Run("related INC-4 INC-3", core.Context(user: "alice"));
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("INC-4 and INC-3 are related now"));
    }

    private List<string> Related(long number) =>
        [.. core.Store.Timeline(number, CancellationToken.None).Result.Where(e => e.Kind == TimelineKind.Related).Select(e => $"{e.Actor}: {e.Text}")];
}
