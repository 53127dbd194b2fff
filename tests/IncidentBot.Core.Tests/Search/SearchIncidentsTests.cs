using IncidentBot.Core.Tests.Support;

namespace IncidentBot.Core.Tests.Search;

public sealed class SearchIncidentsTests
{
    private CoreHarness core = null!;

    [SetUp]
    public async Task Incidents()
    {
        core = new CoreHarness();
        await core.Run("Checkout returns 500s");
        await core.Run("note INC-1 Sharding rebalance stuck on shard 7");
        await core.Run("rootcause INC-1 A shard rebalance locked the orders table");
        await core.Run("resolve INC-1 Placed three test orders");
        await core.Run("private Customer emails exposed in logs");
        await core.Run("note INC-2 Sharding config printed the SMTP password", core.Context(user: "alice"));
    }

    [Test]
    public async Task Search_finds_words_in_titles_notes_root_causes_and_verifications_with_the_root_cause_shown()
    {
        await core.Run("search rebalance orders", core.Context(user: "bob"));

        var answer = core.Answers[^1].Message.Text;
        Assert.That(answer, Does.StartWith("1 incident mentions 'rebalance' and 'orders', best match first:\nINC-1 [Outage]: Checkout returns 500s (resolved"));
        Assert.That(answer, Does.Contain("root cause: A shard rebalance locked the orders table; verified: Placed three test orders"));
    }

    [Test]
    public async Task List_shows_an_open_private_incident_only_to_those_who_may_read_its_timeline()
    {
        core.Directory.ChannelMembers["C-ops"] = ["alice"];

        await core.Run("list", core.Context(user: "bob"));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("No incident is open."), "INC-1 is resolved; INC-2 is private");

        await core.Run("list", core.Context(user: "alice"));
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("1 open:\nINC-2 [Outage]: Customer emails exposed in logs"));
    }

    [Test]
    public async Task A_private_incident_is_shown_only_to_those_who_may_read_its_timeline()
    {
        core.Directory.ChannelMembers["C-ops"] = ["alice"];

        await core.Run("search sharding", core.Context(user: "bob"));
        Assert.That(core.Answers[^1].Message.Text, Does.Contain("INC-1").And.Not.Contain("INC-2"));

        await core.Run("search sharding", core.Context(user: "alice"));
        Assert.That(core.Answers[^1].Message.Text, Does.Contain("INC-1").And.Contain("INC-2"));
    }

    [Test]
    public async Task Nothing_found_says_so_and_offers_to_declare_instead()
    {
        await core.Run("search Search results are empty");

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("No incident mentions 'search' and 'results' and 'are' and 'empty'.\nTo declare an incident instead: '/outage declare Search results are empty'."));
        Assert.That(await core.Store.List(openOnly: false, CancellationToken.None), Has.Count.EqualTo(2), "nothing declared");
    }
}
