using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Runbook;

public sealed class RootCauseFoundTests
{
    private CoreHarness core = null!;

    [SetUp]
    public async Task Declare()
    {
        core = new CoreHarness();
        core.Runbook = RunbookParser.Parse("""
            steps:
              - { id: gather, title: Collect what is known }
              - { id: root-cause, title: Root cause found, action: rootcause }
            """).Runbook!;
        await core.Run("Checkout down");
    }

    [Test]
    public async Task The_root_cause_goes_on_the_timeline_at_once_and_the_owner_is_asked_for_an_identified_update()
    {
        await core.Run("rootcause INC-1 The TLS certificate of the payments proxy expired");

        var timeline = await core.Timeline();
        Assert.That(timeline.Single(e => e.Kind == TimelineKind.RootCause).Text, Is.EqualTo("Root cause: The TLS certificate of the payments proxy expired"));
        Assert.That(timeline.Single(e => e.Kind == TimelineKind.Checklist).Text, Is.EqualTo("Done: Root cause found"), "the runbook step is checked off");
        Assert.That((await core.Store.Find(1, CancellationToken.None))!.RootCause, Is.EqualTo("The TLS certificate of the payments proxy expired"));
        var ask = core.Posts[^1].Message;
        Assert.That(ask.Text, Does.StartWith("alice found the root cause: The TLS certificate of the payments proxy expired")
            .And.Contain("alice: tell users a fix is being worked on.")
            .And.Contain("'/outage status INC-1 identified We found the cause and are working on a fix.'"));
        Assert.That(ask.ButtonList.Single(), Is.EqualTo(FormButtons.StatusButton((await core.Store.Find(1, CancellationToken.None))!, IncidentStatus.Identified)));
        Assert.That(ask.ButtonList.Single().Value, Is.EqualTo("1:identified"));
    }

    [Test]
    public async Task The_prefilled_status_button_explains_the_command_where_there_are_no_forms()
    {
        await core.Buttons.Press(core.Context(), FormButtons.StatusAction, "1:identified", CancellationToken.None);

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Say: status INC-1 identified We found the cause and are working on a fix."));
    }

    [Test]
    public async Task Checking_off_the_root_cause_step_asks_for_the_root_cause_and_records_nothing_yet()
    {
        await core.Buttons.Press(core.Context(user: "bob"), Checklist.CheckAction, "1:root-cause", CancellationToken.None);

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Say: rootcause INC-1 <what caused it>"));
        Assert.That((await core.Timeline()).Where(e => e.Kind == TimelineKind.Checklist), Is.Empty);
    }

    [Test]
    public async Task The_postmortem_keeps_the_root_cause_when_resolving_gives_none()
    {
        await core.Run("rootcause INC-1 Expired certificate");
        await core.Run("resolve INC-1 Checkout works from three regions");

        Assert.That((await core.Store.Find(1, CancellationToken.None))!.RootCause, Is.EqualTo("Expired certificate"));
        await core.Run("postmortem INC-1");
        Assert.That(core.Answers[^1].Message.Text, Does.Contain("## Root cause\n\nExpired certificate"));
    }

    [Test]
    public async Task Someone_who_may_not_is_refused_and_nothing_is_recorded()
    {
        var before = (await core.Timeline()).Count;

        await core.Run("rootcause INC-1 DNS", core.Context(user: "mallory"));

        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("Only").And.Contain("may record the root cause."));
        Assert.That(await core.Timeline(), Has.Count.EqualTo(before));
        Assert.That((await core.Store.Find(1, CancellationToken.None))!.RootCause, Is.Null);
    }
}
