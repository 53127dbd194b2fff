using IncidentBot.Core.Commands;

namespace IncidentBot.Core.Tests.Commands;

/// <summary>The verbs that stand for buttons, so a platform without buttons can answer everything the bot asks.</summary>
public sealed class ButtonVerbParserTests
{
    [TestCase("restored INC-4 yes", 4L, true)]
    [TestCase("restored no", null, false)]
    [TestCase("RESTORED 4 Yes", 4L, true)]
    public void Restored_answers_whether_the_rollback_restored_service(string text, long? incident, bool restored) =>
        Assert.That(CommandParser.Parse(text), Is.EqualTo(new RestoredCommand(incident, restored)));

    [TestCase("area INC-2 Payments", 2L, "payments")]
    [TestCase("area search", null, "search")]
    public void Area_chooses_the_area_by_its_key(string text, long? incident, string area) =>
        Assert.That(CommandParser.Parse(text), Is.EqualTo(new AreaCommand(incident, area)));

    [TestCase("check 3", null, "3")]
    [TestCase("check INC-2 gather", 2L, "gather")]
    [TestCase("check 2 3", 2L, "3")]
    public void Check_names_a_step_and_one_argument_is_always_the_step(string text, long? incident, string step) =>
        Assert.That(CommandParser.Parse(text), Is.EqualTo(new CheckCommand(incident, step)));

    [Test]
    public void Accept_and_takeover_take_only_the_incident()
    {
        Assert.That(CommandParser.Parse("accept INC-3"), Is.EqualTo(new AcceptCommand(3)));
        Assert.That(CommandParser.Parse("accept"), Is.EqualTo(new AcceptCommand(null)));
        Assert.That(CommandParser.Parse("takeover 3"), Is.EqualTo(new TakeOverCommand(3)));
    }

    [Test]
    public void Prodaccess_ack_is_the_paged_persons_answer_and_plain_prodaccess_still_pages()
    {
        Assert.That(CommandParser.Parse("prodaccess INC-3 ack"), Is.EqualTo(new ProdAccessAckCommand(3)));
        Assert.That(CommandParser.Parse("prodaccess ack"), Is.EqualTo(new ProdAccessAckCommand(null)));
        Assert.That(CommandParser.Parse("prodaccess INC-3"), Is.EqualTo(new ProdAccessCommand(3)));
    }

    [TestCase("restored INC-4", "restored", "Answer yes")]
    [TestCase("restored INC-4 maybe", "restored", "Answer yes")]
    [TestCase("area INC-2", "area", "Name one area")]
    [TestCase("area INC-2 payments search", "area", "Name one area")]
    [TestCase("check", "check", "Name one step")]
    [TestCase("check INC-2 gather facts", "check", "Name one step")]
    [TestCase("accept INC-3 now", "accept", "Unexpected 'now'")]
    [TestCase("takeover INC-3 please", "takeover", "Unexpected 'please'")]
    [TestCase("prodaccess INC-3 now", "prodaccess", "Unexpected 'now'")]
    public void Bad_arguments_get_the_usage_of_the_verb(string text, string verb, string problem)
    {
        var parsed = (InvalidCommand)CommandParser.Parse(text);
        Assert.That(parsed.Verb, Is.EqualTo(verb));
        Assert.That(parsed.Problem, Does.StartWith(problem));
        Assert.That(Usage.For(parsed, "/outage"), Does.Contain($"Usage: /outage {verb} [INC-n]"));
    }
}
