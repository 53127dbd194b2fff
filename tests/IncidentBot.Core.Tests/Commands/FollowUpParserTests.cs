using IncidentBot.Core.Commands;

namespace IncidentBot.Core.Tests.Commands;

public sealed class FollowUpParserTests
{
    [Test]
    public void An_action_takes_an_owner_and_a_due_date_before_its_text()
    {
        var command = CommandParser.Parse("action INC-4 <@U0BOB|bob> due:2026-12-04 Alert on cache misses");

        Assert.That(command, Is.EqualTo(new ActionCommand(4, "Alert on cache misses", "<@U0BOB>", new DateOnly(2026, 12, 4))));
    }

    [Test]
    public void A_registry_owner_needs_its_at_sign_so_the_text_is_never_taken_for_a_person()
    {
        Assert.That(CommandParser.Parse("action due:2026-12-04 @alice Patch one node at a time"), Is.EqualTo(new ActionCommand(null, "Patch one node at a time", "alice", new DateOnly(2026, 12, 4))));
        Assert.That(CommandParser.Parse("action alice should patch"), Is.EqualTo(new ActionCommand(null, "alice should patch")));
    }

    [TestCase("action INC-4 due:tomorrow Fix it", "'due:tomorrow' is not a due date")]
    [TestCase("action @alice @bob Fix it", "'@bob' is not one owner")]
    [TestCase("action INC-4 @alice", "Describe the follow-up action.")]
    [TestCase("done 12", "is not an action id")]
    [TestCase("done", "Name the action")]
    [TestCase("sev INC-4 5", "'5' is not a severity")]
    [TestCase("sev", "Give the severity")]
    [TestCase("started INC-4 yesterday-ish", "is not a time")]
    [TestCase("started 25:00", "is not a time")]
    [TestCase("started 2026-11-30T14:05", "is not a time")]
    public void Bad_arguments_get_the_usage_of_the_verb(string text, string problem)
    {
        var invalid = CommandParser.Parse(text) as InvalidCommand;

        Assert.That(invalid, Is.Not.Null);
        Assert.That(invalid!.Problem, Does.Contain(problem));
    }

    [Test]
    public void Done_takes_an_action_id()
    {
        Assert.That(CommandParser.Parse("done A-12"), Is.EqualTo(new DoneCommand(12)));
        Assert.That(CommandParser.Parse("done a-3"), Is.EqualTo(new DoneCommand(3)));
    }

    [Test]
    public void A_lone_number_after_sev_is_the_severity_not_an_incident()
    {
        Assert.That(CommandParser.Parse("sev 2"), Is.EqualTo(new SevCommand(null, 2)));
        Assert.That(CommandParser.Parse("sev 7 1"), Is.EqualTo(new SevCommand(7, 1)));
        Assert.That(CommandParser.Parse("sev INC-7 1"), Is.EqualTo(new SevCommand(7, 1)));
    }

    [Test]
    public void Started_reads_clock_times_times_ago_and_ISO_8601()
    {
        var now = new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);
        DateTimeOffset When(string text) => ((StartedCommand)CommandParser.Parse(text)).When.Resolve(now);

        Assert.That(When("started 14:05"), Is.EqualTo(new DateTimeOffset(2026, 11, 30, 14, 5, 0, TimeSpan.Zero)));
        Assert.That(When("started 16:10"), Is.EqualTo(new DateTimeOffset(2026, 11, 29, 16, 10, 0, TimeSpan.Zero)), "a time still to come today was yesterday");
        Assert.That(When("started 2h ago"), Is.EqualTo(now.AddHours(-2)));
        Assert.That(When("started 2 hours ago"), Is.EqualTo(now.AddHours(-2)), "'2' is part of the time, not incident 2");
        Assert.That(When("started 1h30m ago"), Is.EqualTo(now.AddMinutes(-90)));
        Assert.That(When("started INC-3 90 min ago"), Is.EqualTo(now.AddMinutes(-90)));
        Assert.That(When("started 2026-11-30T13:05+01:00"), Is.EqualTo(new DateTimeOffset(2026, 11, 30, 12, 5, 0, TimeSpan.Zero)));
        Assert.That(((StartedCommand)CommandParser.Parse("started 3 14:05")).Incident, Is.EqualTo(3));
    }
}
