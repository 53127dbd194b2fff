using IncidentBot.Core.Commands;

namespace IncidentBot.Core.Tests.Commands;

public sealed class VerbTyposTests
{
    [TestCase("staus INC-4 monitoring", "status INC-4 monitoring")]
    [TestCase("stauts INC-4 identified Cache flushed", "status INC-4 identified Cache flushed")]
    [TestCase("resovle INC-2 checked the booking page", "resolve INC-2 checked the booking page")]
    [TestCase("reslove checked the booking page", "resolve checked the booking page")]
    [TestCase("ntoe Database not affected", "note Database not affected")]
    [TestCase("serach sharding", "search sharding")]
    [TestCase("akc INC-3", "ack INC-3")]
    [TestCase("akc", "ack")]
    [TestCase("lsit", "list")]
    [TestCase("postmortme INC-9", "postmortem INC-9")]
    [TestCase("rolback INC-1 yes", "rollback INC-1 yes")]
    [TestCase("handof INC-1 @bob try the replica", "handoff INC-1 @bob try the replica")]
    [TestCase("sve INC-1 2", "sev INC-1 2")]
    public void A_near_miss_of_a_verb_is_read_as_that_command(string text, string meant) =>
        Assert.That(CommandParser.Parse(text), Is.EqualTo(new DidYouMeanCommand(meant, text)));

    /// <summary>Summaries as people write them during outages, many starting one or two letters from a verb.</summary>
    [TestCase("Not able to log in")]
    [TestCase("One region returns 502s")]
    [TestCase("Declined cards at checkout")]
    [TestCase("Declined 3 times at checkout")]
    [TestCase("Resolver timeouts in DNS")]
    [TestCase("Lost connection to the primary database")]
    [TestCase("Lost 3 orders in the queue")]
    [TestCase("Last deploy broke the booking page")]
    [TestCase("Fraction of users see 500s")]
    [TestCase("Option to reschedule is missing")]
    [TestCase("Stats dashboard empty")]
    [TestCase("Black screen on the booking page")]
    [TestCase("Notes app crashing")]
    [TestCase("Set up of new calendars fails")]
    [TestCase("See errors on every embed")]
    [TestCase("Why is checkout slow")]
    [TestCase("Searches time out")]
    [TestCase("Relayed webhooks arrive twice")]
    [TestCase("Rollbar alerts flooding")]
    [TestCase("Gone: all booking confirmations")]
    [TestCase("Node pool out of memory")]
    [TestCase("Hack attempt on the login form")]
    [TestCase("Sever latency on the API")]
    [TestCase("Checkout API returns 500s")]
    [TestCase("Logins fail for SSO users")]
    [TestCase("Webhooks to Zapier are delayed")]
    public void An_ordinary_summary_still_declares(string summary) =>
        Assert.That(CommandParser.Parse(summary), Is.TypeOf<DeclareCommand>());

    [Test]
    public void Declare_declares_whatever_follows_it() =>
        Assert.That(CommandParser.Parse("declare staus INC-4 monitoring sev:2"), Is.EqualTo(new DeclareCommand("staus INC-4 monitoring", null, 2, Explicit: true)));

    [TestCase("status", "staus", 1)]
    [TestCase("resolve", "resovle", 1)]
    [TestCase("search", "serach", 1)]
    [TestCase("handoff", "hnadof", 2)]
    [TestCase("note", "not", 1)]
    public void The_distance_counts_a_swap_as_one_edit(string verb, string word, int edits) =>
        Assert.That(VerbTypos.Distance(word, verb), Is.EqualTo(edits));
}
