using IncidentBot.Core.Tests.Support;

namespace IncidentBot.Core.Tests.Search;

public sealed class SimilarIncidentsTests
{
    private CoreHarness core = null!;

    [SetUp]
    public async Task EarlierIncidents()
    {
        core = new CoreHarness();
        await core.Run("Checkout returns 500s area:payments");
        await core.Run("rootcause INC-1 A shard rebalance locked the orders table");
        await core.Run("resolve INC-1 Placed three test orders");
        await core.Run("Checkout slow for card payments area:payments");
        await core.Run("Checkout page blank area:web");
        await core.Run("resolve INC-3 Loaded the page");
        await core.Run("private Checkout card numbers in logs area:payments", core.Context(channel: "C-sec"));
        await core.Run("resolve INC-4 Logs scrubbed", core.Context(channel: "C-sec"));
    }

    [Test]
    public async Task Declaring_shows_earlier_incidents_of_the_same_area_sharing_a_title_word_resolved_first_with_cause_and_verification()
    {
        await core.Run("Checkout returns 502s area:payments");

        var similar = Similar("INC-5");
        Assert.That(similar.Heading, Is.EqualTo("Similar earlier incidents"));
        Assert.That(similar.Text, Does.StartWith(
            "INC-1 [Outage]: Checkout returns 500s (resolved 2026-11-23 09:00 UTC)\n"
            + "  Root cause: A shard rebalance locked the orders table\n"
            + "  Verified by: Placed three test orders\n"
            + "INC-2 [Outage]: Checkout slow for card payments (open since 2026-11-23 09:00 UTC)\n"
            + "  Root cause: not recorded\n"
            + "  Verified by: not recorded\n"));
        Assert.That(similar.Text, Does.Contain("'/outage related INC-5 INC-1'"));
        Assert.That(similar.Text, Does.Not.Contain("INC-3 [").And.Not.Contain("INC-4 ["), "another area; a private incident");
        Assert.That(core.Posts.Count(p => p.Message.Key == "INC-5:similar"), Is.EqualTo(1));
    }

    [Test]
    public async Task Nothing_is_posted_when_no_earlier_incident_shares_a_word()
    {
        await core.Run("Database replica lag area:payments");

        Assert.That(core.Posts.Where(p => p.Message.Key == "INC-5:similar"), Is.Empty);
    }

    [Test]
    public async Task Words_that_only_say_something_broke_do_not_make_incidents_similar()
    {
        await core.Run("Search is down and failing area:payments");

        Assert.That(core.Posts.Where(p => p.Message.Key == "INC-5:similar"), Is.Empty);
    }

    [Test]
    public async Task Without_an_area_any_area_counts_and_the_incident_itself_never_does()
    {
        await core.Run("Checkout page blank again");

        var similar = Similar("INC-5").Text;
        Assert.That(similar, Does.Contain("INC-3 [Outage]: Checkout page blank"));
        Assert.That(similar, Does.Not.Contain("INC-5 [Outage]"));
    }

    [Test]
    public async Task A_private_earlier_incident_is_shown_only_in_a_private_thread_of_the_same_channel()
    {
        await core.Run("private Checkout card numbers in traces area:payments", core.Context(channel: "C-sec"));
        await core.Run("private Checkout card numbers in dumps area:payments", core.Context(channel: "C-legal"));

        Assert.That(Similar("INC-5").Text, Does.Contain("INC-4 [Outage]: Checkout card numbers in logs"));
        Assert.That(Similar("INC-6").Text, Does.Not.Contain("INC-4 [").And.Not.Contain("INC-5 ["));
    }

    [Test]
    public async Task At_most_three_are_shown()
    {
        await core.Run("Checkout returns 503s area:payments");
        await core.Run("Checkout returns 504s area:payments");

        Assert.That(Similar("INC-6").Text.Split('\n').Count(l => l.StartsWith("INC-", StringComparison.Ordinal)), Is.EqualTo(3));
    }

    private Chat.ChatMessage Similar(string id) => core.Posts.Single(p => p.Message.Key == $"{id}:similar").Message;
}
