using IncidentBot.Core.Commands;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Tests.Commands;

public sealed class CommandParserTests
{
    [Test]
    public void Text_that_does_not_start_with_a_verb_declares_an_outage() =>
        Assert.That(CommandParser.Parse("Checkout is down"), Is.EqualTo(new DeclareCommand("Checkout is down", null, null)));

    [Test]
    public void Area_and_severity_are_taken_out_of_the_summary() =>
        Assert.That(
            CommandParser.Parse("Checkout API returns 500s area:Payments sev:1"),
            Is.EqualTo(new DeclareCommand("Checkout API returns 500s", "payments", 1)));

    [TestCase("Checkout down sev:5", "sev:5")]
    [TestCase("Checkout down sev:high", "sev:high")]
    [TestCase("Checkout down area:", "area:")]
    public void A_bad_area_or_severity_gets_usage_naming_it(string text, string culprit)
    {
        var parsed = CommandParser.Parse(text);
        Assert.That(parsed, Is.TypeOf<InvalidCommand>());
        Assert.That(((InvalidCommand)parsed).Problem, Does.Contain(culprit));
    }

    [Test]
    public void A_summary_is_required() =>
        Assert.That(CommandParser.Parse("area:payments sev:2"), Is.TypeOf<InvalidCommand>());

    [Test]
    public void An_overlong_summary_is_refused_with_its_length()
    {
        var parsed = (InvalidCommand)CommandParser.Parse(new string('x', Usage.MaxSummaryLength + 1));
        Assert.That(parsed.Problem, Does.Contain((Usage.MaxSummaryLength + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void An_empty_command_gets_the_help(string? text) =>
        Assert.That(CommandParser.Parse(text), Is.EqualTo(new InvalidCommand(null, "Say what is broken, or pick a command.")));

    [Test]
    public void Verbs_are_case_insensitive() => Assert.That(CommandParser.Parse("HELP"), Is.TypeOf<HelpCommand>());

    [Test]
    public void The_incident_id_may_follow_the_verb() =>
        Assert.That(
            CommandParser.Parse("status INC-42 identified Cache flushed"),
            Is.EqualTo(new StatusCommand(42, IncidentStatus.Identified, "Cache flushed")));

    [TestCase("status 4 identified title:\"Checkout errors\" Cache flushed", "Checkout errors", "Cache flushed")]
    [TestCase("status 4 identified title:\u201CCheckout errors\u201D Cache flushed", "Checkout errors", "Cache flushed")]
    [TestCase("status 4 identified title:Payments Cache flushed", "Payments", "Cache flushed")]
    [TestCase("status 4 identified title:\"Payments\" Cache flushed", "Payments", "Cache flushed")]
    [TestCase("status 4 identified Cache flushed, title:\"x\" is only a title first", null, "Cache flushed, title:\"x\" is only a title first")]
    public void A_status_update_may_give_a_public_title_before_its_message(string text, string? title, string message) =>
        Assert.That(CommandParser.Parse(text), Is.EqualTo(new StatusCommand(4, IncidentStatus.Identified, message, title)));

    [TestCase("status 4 identified title:\"Checkout errors Cache flushed", "Close the public title with a quote")]
    [TestCase("status 4 identified title:\"\" Cache flushed", "The public title is empty")]
    [TestCase("status 4 identified title:\"Checkout errors\"", "Write the public message")]
    public void A_bad_public_title_gets_the_status_usage(string text, string problem)
    {
        var invalid = (InvalidCommand)CommandParser.Parse(text);

        Assert.That((invalid.Verb, invalid.Problem), Is.EqualTo(("status", invalid.Problem)));
        Assert.That(invalid.Problem, Does.StartWith(problem));
    }

    [Test]
    public void Private_before_the_summary_declares_a_private_incident()
    {
        Assert.That(CommandParser.Parse("private Credential leak in payments DB area:payments sev:1"),
            Is.EqualTo(new DeclareCommand("Credential leak in payments DB", "payments", 1, IsPrivate: true)));
        Assert.That(CommandParser.Parse("PRIVATE Leak"), Is.EqualTo(new DeclareCommand("Leak", null, null, IsPrivate: true)));
        Assert.That(CommandParser.Parse("private"), Is.TypeOf<InvalidCommand>());
        Assert.That(CommandParser.Parse("Private keys leaked"), Is.EqualTo(new DeclareCommand("keys leaked", null, null, IsPrivate: true)));
    }

    [Test]
    public void The_incident_id_may_be_left_out() =>
        Assert.That(CommandParser.Parse("ack"), Is.EqualTo(new AckCommand(null)));

    [Test]
    public void A_bare_number_is_an_incident_id() =>
        Assert.That(CommandParser.Parse("ack 42"), Is.EqualTo(new AckCommand(42)));

    [TestCase("status INC-4 bogus Something")]
    [TestCase("status INC-4 identified")]
    [TestCase("status 1 Cache")]
    [TestCase("rollback maybe")]
    [TestCase("resolve INC-3")]
    [TestCase("owner")]
    [TestCase("handoff <@U1>")]
    [TestCase("who")]
    [TestCase("ooo until tomorrow")]
    [TestCase("list everything")]
    public void A_verb_with_missing_or_bad_arguments_gets_its_usage(string text)
    {
        var parsed = CommandParser.Parse(text);
        Assert.That(parsed, Is.TypeOf<InvalidCommand>());
        Assert.That(((InvalidCommand)parsed).Verb, Is.EqualTo(text.Split(' ')[0]));
    }

    [Test]
    public void Slack_mentions_name_people_by_id() =>
        Assert.That(CommandParser.Parse("owner 3 <@U123ABC|alice>"), Is.EqualTo(new OwnerCommand(3, "<@U123ABC>")));

    [Test]
    public void Registry_ids_name_people_with_or_without_an_at_sign() =>
        Assert.That(CommandParser.Parse("handoff @Bob try the replica"), Is.EqualTo(new HandoffCommand(null, "bob", "try the replica")));

    [Test]
    public void Rollback_takes_an_answer_and_an_optional_note() =>
        Assert.That(CommandParser.Parse("rollback no schema migrated"), Is.EqualTo(new RollbackCommand(null, RollbackAnswer.No, "schema migrated")));

    [Test]
    public void Out_of_office_takes_an_optional_date() =>
        Assert.That(CommandParser.Parse("ooo until 2027-01-03"), Is.EqualTo(new OutOfOfficeCommand(new DateOnly(2027, 1, 3))));

    [Test]
    public void Help_lists_every_verb()
    {
        var help = Usage.Help("/outage");
        Assert.That(Usage.VerbNames, Has.All.Matches<string>(verb => help.Contains($"/outage {verb}", StringComparison.Ordinal)));
    }
}
