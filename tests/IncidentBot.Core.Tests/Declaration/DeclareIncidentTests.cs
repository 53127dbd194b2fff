using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Declaration;

public sealed class DeclareIncidentTests
{
    [Test]
    public async Task Declaring_an_outage_opens_an_Outage_thread_with_the_facts()
    {
        var core = new CoreHarness();

        await core.Run("Checkout API returns 500s area:payments sev:1");

        var root = core.Posts[0];
        Assert.That(root.Message.Heading, Is.EqualTo("[Outage]: Checkout API returns 500s"));
        Assert.That(root.Message.ToPlainText(), Does.Contain("Status: Investigating").And.Contain("Severity: SEV-1")
            .And.Contain("Area: payments").And.Contain("Declared by: alice").And.Contain("Started: 2026-11-23 09:00 UTC"));
        var incident = await core.Store.Find(1, CancellationToken.None);
        Assert.That(incident!.Thread.Id, Is.EqualTo(root.ThreadId), "the thread id is recorded once the root is posted");
    }

    [Test]
    public async Task The_declarer_is_told_the_incident_id_privately()
    {
        var core = new CoreHarness();

        await core.Run("Site search is slow");

        Assert.That(core.Answers.Single().Message.Text, Does.StartWith("INC-1 declared"));
    }

    [Test]
    public async Task The_timeline_starts_with_a_declared_entry_at_the_declare_time()
    {
        var core = new CoreHarness();

        await core.Run("Site search is slow", core.Context(user: "bob"));

        var entry = (await core.Store.Timeline(1, CancellationToken.None)).Single();
        Assert.That(entry, Is.EqualTo(new TimelineEntry(core.Clock.GetUtcNow(), TimelineKind.Declared, "bob", "Site search is slow", "declared")));
    }

    [Test]
    public async Task Processing_the_same_request_twice_declares_once()
    {
        var core = new CoreHarness();
        var context = core.Context();

        await core.Run("Site search is slow", context);
        await core.Run("Site search is slow", context);

        Assert.That(await core.Store.List(openOnly: false, CancellationToken.None), Has.Count.EqualTo(1));
        Assert.That(core.Posts.Count(p => p.Message.Heading?.StartsWith("[Outage]", StringComparison.Ordinal) == true), Is.EqualTo(1), "one thread root");
        Assert.That(core.Chat.Messages.Select(m => m.Message.Key), Is.Unique);
        Assert.That(core.Answers, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task List_names_the_open_incidents_newest_first()
    {
        var core = new CoreHarness();
        await core.Run("Site search is slow");
        await core.Run("Checkout down sev:2");

        await core.Run("list");

        Assert.That(core.Answers[^1].Message.Text, Does.Contain("2 open").And.Match("INC-2.*Checkout down.*SEV-2.*\n.*INC-1.*Site search is slow"));
    }

    [Test]
    public async Task Bad_input_is_answered_with_usage_and_changes_nothing()
    {
        var core = new CoreHarness();

        await core.Run("status INC-4 bogus");

        Assert.That(core.Answers.Single().Message.Text, Does.Contain("'bogus' is not a stage").And.Contain("Usage: /outage status"));
        Assert.That(core.Posts, Is.Empty);
    }

    [Test]
    public void A_help_or_usage_receipt_is_final_and_a_declare_receipt_is_not()
    {
        Assert.That(IncidentCommands.Receive("help", "/outage").IsFinal, Is.True);
        Assert.That(IncidentCommands.Receive("sev:9", "/outage").IsFinal, Is.True);
        Assert.That(IncidentCommands.Receive("Checkout down", "/outage"), Is.EqualTo(new CommandReceipt("Declaring [Outage]: Checkout down ...", false)));
    }

    [Test]
    public async Task Help_is_answered_at_receipt_and_a_declaration_is_left_to_run()
    {
        var core = new CoreHarness();

        var helpIsFinal = await core.Commands.AnswerIfFinal(core.Context(), "help", CancellationToken.None);
        var declareIsFinal = await core.Commands.AnswerIfFinal(core.Context(), "Checkout down", CancellationToken.None);

        Assert.That((helpIsFinal, declareIsFinal), Is.EqualTo((true, false)));
        Assert.That(core.Answers.Single().Message.Text, Does.StartWith("/outage <summary>"));
        Assert.That(await core.Store.List(openOnly: false, CancellationToken.None), Is.Empty);
    }
}
