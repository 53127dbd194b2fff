using IncidentBot.Core.Chat;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Tests.Paging;
using IncidentBot.Core.Tests.Support;

namespace IncidentBot.Core.Tests.Resolve;

public sealed class ResolveIncidentTests
{
    [Test]
    public async Task Resolving_publishes_resolved_and_closes_the_thread_with_the_figures()
    {
        var core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);
        await core.Run("Checkout down area:payments");
        await core.Advance(TimeSpan.FromMinutes(3));
        await core.Run("ack", core.Context(user: "alice"));
        await core.Advance(TimeSpan.FromMinutes(3));
        await core.Run("status investigating Card payments fail for some people", core.Context(user: "alice"));
        await core.Buttons.Press(core.Context(user: "alice"), RollbackFirst.DecideAction, "1:yes", CancellationToken.None);
        await core.Advance(TimeSpan.FromMinutes(17));
        await core.Buttons.Press(core.Context(user: "alice"), RollbackFirst.RestoredAction, "1:yes", CancellationToken.None);
        await core.Advance(TimeSpan.FromMinutes(10));

        await core.Run("resolve test payment went through, error rate at baseline", core.Context(user: "alice"));

        Assert.That(core.Publisher.Published[^1].Update.Stage, Is.EqualTo(IncidentStatus.Resolved));
        var summary = core.Posts.Single(p => p.Message.Key == "INC-1:resolved").Message;
        Assert.That(summary.FieldList.Select(f => $"{f.Label}: {f.Value}"), Is.EqualTo<string[]>([
            "Time to detect: impact start not recorded",
            "Time to acknowledge: 3 min",
            "Time to first status update: 6 min",
            "Time to mitigate (rollback): 23 min",
            "Time to resolve: 33 min"]));
        Assert.That(summary.Text, Does.Contain("/outage postmortem INC-1"));
    }

    [Test]
    public async Task A_resolve_that_failed_before_its_summary_is_finished_by_resolving_again_in_the_first_words()
    {
        var core = new CoreHarness();
        await core.Run("Checkout down");
        await core.Run("status identified Cache flushed");
        core.Clock.Advance(TimeSpan.FromMinutes(20));
        core.Faults.Arm("INC-1:resolved");
        Assert.ThrowsAsync<InjectedFault>(() => core.Run("resolve INC-1 test order paid", core.Context(user: "alice")));
        core.Clock.Advance(TimeSpan.FromMinutes(5));

        await core.Run("resolve INC-1 all good now", core.Context(user: "alice"));

        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("INC-1 was already resolved at 2026-11-23 09:20 UTC"));
        var summary = core.Posts.Single(p => p.Message.Key == "INC-1:resolved").Message;
        Assert.That(summary.Text, Does.StartWith("Resolved by alice after 20 min. Verified: test order paid"));
        Assert.That(core.Publisher.Published.Select(p => p.Update.Stage), Is.EqualTo<IncidentStatus[]>([IncidentStatus.Identified, IncidentStatus.Resolved]));
        Assert.That(core.Statuses.All, Has.Count.EqualTo(2));
        Assert.That((await core.Timeline()).Count(e => e.Kind == Core.Timeline.TimelineKind.Resolved), Is.EqualTo(1));
    }

    [Test]
    public async Task The_resolve_form_records_root_cause_and_resolution_for_the_postmortem()
    {
        var core = new CoreHarness();
        await core.Run("Checkout down");
        var forms = new Dictionary<string, string?>
        {
            [IncidentForms.Verification] = "Test order paid",
            [IncidentForms.RootCause] = "A config change shortened the gateway timeout",
            [IncidentForms.Resolution] = " ",
        };

        await core.Forms.Submit(core.Context(user: "alice"), FormButtons.ResolveAction, "1", forms, CancellationToken.None);

        var incident = (await core.Store.Find(1, CancellationToken.None))!;
        Assert.That((incident.Status, incident.Verification, incident.RootCause, incident.Resolution),
            Is.EqualTo((IncidentStatus.Resolved, "Test order paid", "A config change shortened the gateway timeout", (string?)null)));
    }

    [Test]
    public async Task The_status_form_publishes_like_the_command()
    {
        var core = new CoreHarness();
        await core.Run("Checkout down");
        var answers = new Dictionary<string, string?> { [IncidentForms.Stage] = "monitoring", [IncidentForms.Message] = "Payments work again.\nWe are watching." };

        await core.Forms.Submit(core.Context(user: "alice"), FormButtons.StatusAction, "1", answers, CancellationToken.None);

        var (_, update) = core.Publisher.Published.Single();
        Assert.That((update.Stage, update.PublicMessage), Is.EqualTo((IncidentStatus.Monitoring, "Payments work again. We are watching.")));
    }
}
