using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

internal sealed class SlackEventReaderReactionTests
{
    private const string Pushpin = """
        {"type":"TYPE","user":"U1","reaction":"REACTION","item":{"type":"message","channel":"C1","ts":"1726133700.887259"},
         "item_user":"U2","event_ts":"1726133800.000100"}
        """;

    [TestCase("reaction_added", true)]
    [TestCase("reaction_removed", false)]
    public void A_pushpin_on_a_message_marks_or_unmarks_it(string type, bool added)
    {
        var callback = SamplePayloads.Event(Reaction(type, "pushpin"));

        Assert.That(SlackEventReader.Read(callback), Is.EqualTo(new SlackReactionChanged("C1", "1726133700.887259", added)));
    }

    [Test]
    public void Other_reactions_are_ignored()
    {
        Assert.That(SlackEventReader.Read(SamplePayloads.Event(Reaction("reaction_added", "eyes"))), Is.TypeOf<SlackIgnored>());
    }

    [Test]
    public void A_pushpin_on_a_file_is_ignored()
    {
        var json = """{"type":"reaction_added","user":"U1","reaction":"pushpin","item":{"type":"file","file":"F1"},"event_ts":"1.000100"}""";

        Assert.That(SlackEventReader.Read(SamplePayloads.Event(json)), Is.TypeOf<SlackIgnored>());
    }

    [Test]
    public void Pinning_unpinning_and_pinning_again_are_three_changes_but_a_redelivery_is_one()
    {
        var added = SlackInbound.DedupeKeys(SamplePayloads.Event(Reaction("reaction_added", "pushpin")));
        var removed = SlackInbound.DedupeKeys(SamplePayloads.Event(Reaction("reaction_removed", "pushpin").Replace("1726133800.000100", "1726133801.000100", StringComparison.Ordinal)));
        var addedAgain = SlackInbound.DedupeKeys(SamplePayloads.Event(Reaction("reaction_added", "pushpin").Replace("1726133800.000100", "1726133802.000100", StringComparison.Ordinal)));
        var redelivered = SlackInbound.DedupeKeys(new SlackEventCallback("Ev2", "ABOT", "UBOT", SamplePayloads.Event(Reaction("reaction_added", "pushpin")).Event));

        Assert.That(added[^1], Is.EqualTo("slack:reaction:reaction_added:U1:pushpin:C1:1726133700.887259:1726133800.000100"));
        Assert.That(new[] { added[^1], removed[^1], addedAgain[^1] }, Is.Unique);
        Assert.That(redelivered[^1], Is.EqualTo(added[^1]));
    }

    private static string Reaction(string type, string reaction) =>
        Pushpin.Replace("TYPE", type, StringComparison.Ordinal).Replace("REACTION", reaction, StringComparison.Ordinal);
}
