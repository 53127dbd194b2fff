using IncidentBot.Core.Authorization;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Tests.Paging;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Dispatch;

/// <summary>What a button does, typed: the same use case, the same rule of who may, the same answer.</summary>
public sealed class ButtonVerbsTests
{
    private CoreHarness core = null!;

    [SetUp]
    public void Start() => core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);

    [Test]
    public async Task Restored_yes_after_a_rollback_is_recorded_as_the_mitigation()
    {
        await core.Run("Checkout down area:payments");
        await core.Run("rollback INC-1 yes", core.Context(user: "carol"));
        core.Clock.Advance(TimeSpan.FromMinutes(12));

        await core.Run("restored INC-1 yes", core.Context(user: "alice"));

        var entry = (await core.Timeline()).Single(e => e.SourceId == RollbackEntries.RestoredYes);
        Assert.That((entry.Kind, entry.At, entry.Actor), Is.EqualTo((TimelineKind.Decision, core.Clock.GetUtcNow(), "alice")));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Recorded: The rollback restored service."));
    }

    [Test]
    public async Task Restored_is_refused_to_whoever_may_not_answer_the_rollback_question()
    {
        await core.Run("Checkout down area:payments");

        await core.Run("restored INC-1 yes", core.Context(user: "dave"));

        Assert.That(core.Refusals.Entries.Single().Act, Is.EqualTo(Acts.RollbackAnswer));
        Assert.That((await core.Timeline()).Select(e => e.SourceId), Has.None.EqualTo(RollbackEntries.RestoredYes));
    }

    [Test]
    public async Task Area_chooses_the_area_the_bot_asked_for_and_pages_its_owners()
    {
        await core.Run("Everything is slow");

        await core.Run("area INC-1 payments", core.Context(user: "carol"));

        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Area, Is.EqualTo("payments"));
        Assert.That(core.DirectMessages("alice"), Has.Count.EqualTo(1));
        Assert.That(core.Answers[^1].Message.Text, Does.Contain("INC-1 is in Payments now"));
    }

    [Test]
    public async Task Check_ticks_off_a_step_by_its_number_in_the_checklist()
    {
        await core.Run("Checkout down area:payments");

        await core.Run("check 2");

        Assert.That((await core.Timeline()).Single(e => e.Kind == TimelineKind.Checklist).Text, Is.EqualTo("Done: Users and stakeholders know"));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Checked off: Users and stakeholders know."));
    }

    [Test]
    public async Task Checking_the_root_cause_step_without_forms_names_the_rootcause_command()
    {
        core.Runbook = RunbookParser.Parse("""
            steps:
              - { id: cause, title: Find the root cause, action: rootcause }
            """).Runbook!;
        await core.Run("Checkout down area:payments");

        await core.Run("check INC-1 cause");

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Say: rootcause INC-1 <what caused it>"));
        Assert.That((await core.Timeline()).Select(e => e.Kind), Has.None.EqualTo(TimelineKind.Checklist));
    }

    [Test]
    public async Task Accept_takes_over_the_incident_handed_to_you()
    {
        await core.Run("Checkout down area:payments");
        await core.Run("ack", core.Context(user: "alice"));
        await core.Run("handoff bob Tried the cache; try the webhook logs", core.Context(user: "alice"));

        await core.Run("accept INC-1", core.Context(user: "bob"));

        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Owner, Is.EqualTo("bob"));
    }

    [Test]
    public async Task Takeover_makes_the_sender_the_owner()
    {
        await core.Run("Checkout down area:payments");

        await core.Run("takeover", core.Context(user: "carol"));

        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Owner, Is.EqualTo("carol"));
    }

    [Test]
    public async Task Prodaccess_ack_makes_the_paged_person_the_production_access_person()
    {
        await core.Run("Checkout down area:payments");
        await core.Run("prodaccess", core.Context(user: "alice"));

        await core.Run("prodaccess INC-1 ack", core.Context(user: "carol"));

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Thank you: you are INC-1's production-access person."));
    }
}
