using IncidentBot.Core.Runbook;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Runbook;

public sealed class RollbackFirstTests
{
    private CoreHarness core = null!;

    [SetUp]
    public async Task Declare()
    {
        // Bob may roll back (production access), Carol decides; Alice declares and owns the incident.
        core = new CoreHarness("""
            people:
              - { id: alice, name: Alice }
              - { id: bob, name: Bob }
              - { id: carol, name: Carol }
            areas: []
            deciders: [carol]
            prod_access: [bob]
            """);
        await core.Run("Checkout down");
    }

    [Test]
    public void Right_after_declaring_the_thread_asks_the_rollback_question_with_three_answers()
    {
        var question = core.Posts.Single(p => p.Message.Key == "INC-1:rollback-question").Message;

        Assert.That(question.Text, Does.Contain("would rolling back to the previous version likely fix this"));
        Assert.That(question.ButtonList.Select(b => (b.Label, b.Value)), Is.EqualTo<(string, string)[]>([("Roll back now", "1:yes"), ("No, not an option", "1:no"), ("Not sure yet", "1:unsure")]));
    }

    [Test]
    public async Task Rolling_back_is_a_decision_then_the_bot_asks_whether_it_restored_service()
    {
        await Press(RollbackFirst.DecideAction, "1:yes", "bob");

        Assert.That(Decisions(await core.Timeline()), Is.EqualTo<string[]>(["Rollback: yes, rolling back now"]));
        var followUp = core.Posts[^1].Message;
        Assert.That(followUp.Text, Does.Contain("did the rollback restore service?"));
        Assert.That(followUp.ButtonList.Select(b => b.Value), Is.EqualTo<string[]>(["1:yes", "1:no"]));
    }

    [Test]
    public async Task A_restored_service_prompts_to_verify_and_resolve_and_is_the_mitigation_time()
    {
        await Press(RollbackFirst.DecideAction, "1:yes", "bob");
        core.Clock.Advance(TimeSpan.FromMinutes(23));

        await Press(RollbackFirst.RestoredAction, "1:yes", "alice");

        var entry = (await core.Timeline()).Single(e => e.SourceId == RollbackEntries.RestoredYes);
        Assert.That((entry.Kind, entry.At), Is.EqualTo((TimelineKind.Decision, core.Clock.GetUtcNow())));
        Assert.That(core.Posts[^1].Message.Text, Does.Contain("resolve with what you checked"));
    }

    [Test]
    public async Task No_rollback_prompts_to_research_the_root_cause()
    {
        await core.Run("rollback no the migration cannot be reversed", core.Context(user: "carol"));

        Assert.That(Decisions(await core.Timeline()), Is.EqualTo<string[]>(["Rollback: no, not an option (the migration cannot be reversed)"]));
        Assert.That(core.Posts[^1].Message.Text, Does.Contain("Research the root cause"));
    }

    [Test]
    public async Task With_a_webhook_configured_the_rollback_is_requested_from_the_pipeline()
    {
        core.HasWebhook = true;

        await Press(RollbackFirst.DecideAction, "1:yes", "bob");

        Assert.That(core.RollbackRequests, Is.EqualTo<string[]>(["INC-1 by bob"]));
        Assert.That(core.Posts[^1].Message.Text, Does.Contain("requested from the deploy pipeline"));
    }

    [Test]
    public async Task Two_people_pressing_the_same_answer_record_it_once()
    {
        core.HasWebhook = true;

        await Task.WhenAll(Press(RollbackFirst.DecideAction, "1:yes", "bob"), Press(RollbackFirst.DecideAction, "1:yes", "carol"));

        Assert.That(Decisions(await core.Timeline()), Has.Length.EqualTo(1));
        Assert.That(core.RollbackRequests, Has.Count.EqualTo(1));
        Assert.That(core.Answers.Select(a => a.Message.Text), Has.Some.EqualTo("'yes' is already recorded for INC-1."));
    }

    [Test]
    public async Task A_rollback_decision_processed_again_after_a_crash_still_requests_the_rollback_once()
    {
        core.HasWebhook = true;
        var request = core.Context(user: "bob");
        core.Faults.Arm("rollback:INC-1");
        Assert.ThrowsAsync<InjectedFault>(() => core.Buttons.Press(request, RollbackFirst.DecideAction, "1:yes", CancellationToken.None));
        Assert.That(Decisions(await core.Timeline()), Has.Length.EqualTo(1), "the first attempt stopped after recording the decision");

        await core.Buttons.Press(request, RollbackFirst.DecideAction, "1:yes", CancellationToken.None);
        await core.Buttons.Press(core.Context(user: "carol"), RollbackFirst.DecideAction, "1:yes", CancellationToken.None);

        Assert.That(core.RollbackRequests, Is.EqualTo<string[]>(["INC-1 by bob"]));
        Assert.That(core.Posts.Where(p => p.Message.Key == "INC-1:rollback-yes").Select(p => p.Message.Text), Has.Exactly(1).StartsWith("bob: roll back."));
        Assert.That(Decisions(await core.Timeline()), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task A_button_on_a_resolved_incident_changes_nothing()
    {
        await core.Run("resolve checkout works");

        await Press(RollbackFirst.DecideAction, "1:yes", "bob");

        Assert.That(Decisions(await core.Timeline()), Is.Empty);
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("INC-1 is resolved; the rollback decision is closed."));
    }

    private Task Press(string action, string value, string user) =>
        core.Buttons.Press(core.Context(user: user), action, value, CancellationToken.None);

    private static string[] Decisions(IReadOnlyList<TimelineEntry> timeline) =>
        [.. timeline.Where(e => e.Kind == TimelineKind.Decision).Select(e => e.Text)];
}
