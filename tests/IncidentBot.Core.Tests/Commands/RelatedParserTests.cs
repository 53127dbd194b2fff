using IncidentBot.Core.Commands;

namespace IncidentBot.Core.Tests.Commands;

public sealed class RelatedParserTests
{
    [TestCase("related INC-5 INC-2", 5L, 2L)]
    [TestCase("related 5 2", 5L, 2L)]
    [TestCase("related INC-2", null, 2L)]
    public void Related_takes_the_incident_then_the_other_or_only_the_other(string text, long? incident, long other) =>
        Assert.That(CommandParser.Parse(text), Is.EqualTo(new RelatedCommand(incident, other)));

    [Test]
    public void Reverify_takes_the_earlier_incident_the_answer_and_a_note()
    {
        Assert.That(CommandParser.Parse("reverify INC-5 INC-2 repeated"), Is.EqualTo(new ReverifyCommand(5, 2, true, null)));
        Assert.That(CommandParser.Parse("reverify INC-2 Not-Needed the provider changed"), Is.EqualTo(new ReverifyCommand(null, 2, false, "the provider changed")));
    }

    [TestCase("related", "Name the incident to relate")]
    [TestCase("related checkout", "is not two incident ids")]
    [TestCase("related INC-5 INC-2 INC-1", "is not two incident ids")]
    [TestCase("reverify INC-5 INC-2 maybe", "Answer repeated or not-needed")]
    [TestCase("reverify repeated", "Name the earlier incident")]
    public void Bad_arguments_get_the_usage_of_the_verb(string text, string problem)
    {
        var invalid = CommandParser.Parse(text) as InvalidCommand;

        Assert.That(invalid, Is.Not.Null);
        Assert.That(invalid!.Problem, Does.Contain(problem));
    }
}
