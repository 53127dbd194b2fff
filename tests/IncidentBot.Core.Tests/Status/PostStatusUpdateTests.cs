using IncidentBot.Core.Incidents;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Status;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Status;

public sealed class PostStatusUpdateTests
{
    private CoreHarness core = null!;

    [SetUp]
    public async Task Declared()
    {
        core = new CoreHarness();
        await core.Run("Checkout returns 500s");
        core.Clock.Advance(TimeSpan.FromMinutes(3));
    }

    [Test]
    public async Task A_status_update_is_recorded_sets_the_stage_and_is_published()
    {
        await core.Run("status identified Cache flushed");

        var expected = new StatusUpdate(1, IncidentStatus.Identified, "Cache flushed", core.Clock.GetUtcNow(), "alice", "status:req-2");
        Assert.That(core.Statuses.All, Is.EqualTo<StatusUpdate[]>([expected]));
        Assert.That((await Incident()).Status, Is.EqualTo(IncidentStatus.Identified));
        var published = core.Publisher.Published.Single();
        Assert.That((published.Incident.Status, published.Update), Is.EqualTo((IncidentStatus.Identified, expected)));
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("INC-1 is Identified now."));
    }

    [Test]
    public async Task The_update_goes_on_the_timeline_and_in_the_thread()
    {
        await core.Run("status INC-1 monitoring Error rate back to normal", core.Context(user: "alice"));

        var entry = (await core.Timeline()).Single(e => e.Kind == TimelineKind.Status);
        Assert.That((entry.Actor, entry.Text, entry.At), Is.EqualTo(("alice", "Status: Monitoring — Error rate back to normal", core.Clock.GetUtcNow())));
        Assert.That(core.Posts[^1].ThreadId, Is.EqualTo("thread-1"));
        Assert.That(core.Posts[^1].Message.Text, Is.EqualTo("Status: Monitoring — Error rate back to normal"));
    }

    [Test]
    public async Task Each_update_is_its_own_entry_and_the_store_keeps_them_oldest_first()
    {
        await core.Run("status identified Cache flushed");
        core.Clock.Advance(TimeSpan.FromMinutes(10));
        await core.Run("status monitoring Watching the error rate");

        var stages = (await core.Statuses.ForIncident(1, CancellationToken.None)).Select(u => u.Stage);
        Assert.That(stages, Is.EqualTo<IncidentStatus[]>([IncidentStatus.Identified, IncidentStatus.Monitoring]));
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Status), Is.EqualTo(2));
        Assert.That(core.Publisher.Published, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Processing_the_same_request_again_publishes_the_update_once()
    {
        var request = core.Context(user: "alice");
        await core.Run("status identified Cache flushed", request);
        core.Clock.Advance(TimeSpan.FromMinutes(1));

        await core.Run("status identified Cache flushed", request);

        Assert.That(core.Statuses.All, Has.Count.EqualTo(1));
        Assert.That(core.Publisher.Published, Has.Count.EqualTo(1));
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Status), Is.EqualTo(1));
        Assert.That(core.Posts.Count(p => p.Message.Text.StartsWith("Status:", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task An_update_that_failed_before_it_was_published_is_published_by_the_retry()
    {
        var request = core.Context(user: "alice");
        core.Faults.Arm("publish:status:" + request.RequestKey);
        Assert.ThrowsAsync<InjectedFault>(() => core.Run("status identified Cache flushed", request));
        Assert.That(core.Publisher.Published, Is.Empty);
        core.Clock.Advance(TimeSpan.FromMinutes(1));

        await core.Run("status identified Cache flushed", request);

        var (published, update) = core.Publisher.Published.Single();
        Assert.That((published.Status, update.PublicMessage, update.At), Is.EqualTo((IncidentStatus.Identified, "Cache flushed", core.Clock.GetUtcNow().AddMinutes(-1))));
        Assert.That(core.Statuses.All, Has.Count.EqualTo(1));
        Assert.That(core.Posts.Count(p => p.Message.Text.StartsWith("Status:", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("INC-1 is Identified now."));
    }

    [Test]
    public async Task A_request_retried_after_a_newer_update_keeps_the_newer_stage_and_is_not_published()
    {
        var older = core.Context(user: "alice");
        core.Faults.Arm("publish:status:" + older.RequestKey);
        Assert.ThrowsAsync<InjectedFault>(() => core.Run("status identified Cache flushed", older));
        core.Clock.Advance(TimeSpan.FromMinutes(5));
        await core.Run("status monitoring Error rate normal", core.Context(user: "alice"));

        await core.Run("status identified Cache flushed", older);

        Assert.That((await Incident()).Status, Is.EqualTo(IncidentStatus.Monitoring));
        Assert.That(core.Publisher.Published.Select(p => p.Update.Stage), Is.EqualTo<IncidentStatus[]>([IncidentStatus.Monitoring]));
        Assert.That((await core.Timeline()).Where(e => e.Kind == TimelineKind.Status).Select(e => e.Text), Is.EqualTo<string[]>([
            "Status: Identified — Cache flushed", "Status: Monitoring — Error rate normal"]));
    }

    [Test]
    public async Task A_status_update_moves_the_status_nudge_to_the_next_due_update_and_other_reminders_stay()
    {
        var incident = await Incident();
        var later = core.Clock.GetUtcNow().AddMinutes(10);
        await core.Reminders.Schedule(new Reminder(ReminderKeys.FirstStatusNudge(incident), 1, "nudge", later), CancellationToken.None);
        await core.Reminders.Schedule(new Reminder(ReminderKeys.Escalation(incident), 1, "escalate", later), CancellationToken.None);

        await core.Run("status identified Cache flushed");

        Assert.That(core.Reminders.Scheduled.Select(r => r.Key), Is.EquivalentTo(new[]
        {
            ReminderKeys.Escalation(incident), ReminderKeys.QuietThreadNudge(incident), ReminderKeys.HandoffNag(incident), ReminderKeys.HandoffEscalation(incident),
            ReminderKeys.FirstStatusNudge(incident),
        }));
        var nudge = core.Reminders.Scheduled.Single(r => r.Key == ReminderKeys.FirstStatusNudge(incident));
        Assert.That(nudge.At, Is.EqualTo(core.Clock.GetUtcNow() + StatusCadence.Default.For(incident.Severity)), "the next update is due a cadence after this one");
    }

    [Test]
    public async Task A_resolved_incident_gets_no_status_update()
    {
        await core.Run("resolve Checkout success rate back at 99.9%");
        var published = core.Publisher.Published.Count;

        await core.Run("status INC-1 monitoring Still watching");

        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("INC-1 is resolved;"));
        Assert.That((await Incident()).Status, Is.EqualTo(IncidentStatus.Resolved));
        Assert.That(core.Statuses.All.Where(u => u.Stage != IncidentStatus.Resolved), Is.Empty);
        Assert.That(core.Publisher.Published, Has.Count.EqualTo(published));
        Assert.That((await core.Timeline()).Where(e => e.Kind == TimelineKind.Status), Is.Empty);
    }

    [Test]
    public async Task The_stage_resolved_is_refused_because_resolving_needs_what_was_verified()
    {
        await core.Run("status resolved All good");

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("To resolve, say what you checked: resolve <what you verified>"));
        Assert.That((await Incident()).Status, Is.EqualTo(IncidentStatus.Investigating));
        Assert.That(core.Statuses.All, Is.Empty);
        Assert.That(core.Publisher.Published, Is.Empty);
        Assert.That((await core.Timeline()).Where(e => e.Kind == TimelineKind.Status), Is.Empty);
    }

    [Test]
    public async Task Publishing_the_resolution_of_a_published_incident_records_and_publishes_it_without_a_timeline_entry()
    {
        await core.Run("status identified Cache flushed");

        await core.Status.PublishResolved(await Incident(), "alice", CancellationToken.None);

        var update = core.Statuses.All[^1];
        Assert.That((update.Stage, update.PublicMessage, update.By), Is.EqualTo((IncidentStatus.Resolved, "This incident has been resolved.", "alice")));
        Assert.That(core.Publisher.Published[^1].Incident.Status, Is.EqualTo(IncidentStatus.Resolved));
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Status), Is.EqualTo(1));
    }

    [Test]
    public async Task Resolving_an_incident_that_was_never_published_tells_only_the_internal_places()
    {
        await core.Status.PublishResolved(await Incident(), "alice", CancellationToken.None);

        Assert.That(core.Statuses.All.Single().Stage, Is.EqualTo(IncidentStatus.Resolved));
        Assert.That(core.Publisher.Published, Is.Empty);
        Assert.That(core.PrivatePublisher.Published.Single().Incident.Status, Is.EqualTo(IncidentStatus.Resolved));
    }

    private async Task<Incident> Incident() => (await core.Store.Find(1, CancellationToken.None))!;
}
