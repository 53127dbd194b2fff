using IncidentBot.Core.Chat;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Replies;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Runbook;

public sealed class ChecklistAndNudgeTests
{
    private CoreHarness core = null!;

    [SetUp]
    public async Task Declare()
    {
        core = new CoreHarness();
        await core.Run("Checkout down");
    }

    [Test]
    public async Task The_runbook_is_a_checklist_and_checking_a_step_is_recorded_once()
    {
        var checklist = core.Posts.Single(p => p.Message.Key == "INC-1:checklist").Message;
        Assert.That(checklist.ButtonList.Select(b => b.Label), Is.EqualTo<string[]>(["Collect what is known", "Users and stakeholders know", "Post a status update", "Resolve"]));

        await core.Buttons.Press(core.Context(user: "bob"), Checklist.CheckAction, "1:status", CancellationToken.None);
        await core.Buttons.Press(core.Context(user: "carol"), Checklist.CheckAction, "1:status", CancellationToken.None);

        var entries = (await core.Timeline()).Where(e => e.Kind == TimelineKind.Checklist).ToList();
        Assert.That(entries.Select(e => (e.Actor, e.Text)), Is.EqualTo<(string, string)[]>([("bob", "Done: Users and stakeholders know")]));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("'Users and stakeholders know' was already checked off."));
    }

    [Test]
    public async Task Where_there_are_no_forms_the_Resolve_button_explains_the_command()
    {
        await core.Buttons.Press(core.Context(user: "alice"), FormButtons.ResolveAction, "1", CancellationToken.None);

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Say: resolve <what you verified>"));
    }

    [Test]
    public async Task Without_a_status_update_the_bot_nudges_after_ten_minutes_and_again_until_one_is_posted()
    {
        await core.Advance(TimeSpan.FromMinutes(9));
        Assert.That(Nudges("No public status update"), Is.Empty);

        await core.Advance(TimeSpan.FromMinutes(1));
        await core.Advance(TimeSpan.FromMinutes(10));
        Assert.That(Nudges("No public status update"), Has.Count.EqualTo(2));

        await core.Store.Append(1, new TimelineEntry(core.Clock.GetUtcNow(), TimelineKind.Status, "bob", "Status: Investigating", "status:1"), CancellationToken.None);
        await core.Advance(TimeSpan.FromMinutes(30));
        Assert.That(Nudges("No public status update"), Has.Count.EqualTo(2), "satisfied: no more nudges");
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Reminder && e.Text.StartsWith("No public", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public async Task A_quiet_thread_is_nudged_counting_from_the_last_reply()
    {
        await core.Advance(TimeSpan.FromMinutes(20));
        await core.Replies.Record(new ThreadMessage("local", "C-ops", core.Posts[0].ThreadId!, "m1", "bob", "CDN looks fine", core.Clock.GetUtcNow()), CancellationToken.None);

        var reads = core.Store.TimelineReads;
        await core.Advance(TimeSpan.FromMinutes(10));
        Assert.That(Nudges("This thread has been quiet"), Is.Empty, "30 min after declaring, but only 10 after the reply");
        await core.Advance(TimeSpan.FromMinutes(20));

        Assert.That(Nudges("This thread has been quiet").Single(), Does.Contain("quiet for 30 min"));
        Assert.That(core.Store.TimelineReads, Is.EqualTo(reads), "the nudges asked for the last reply's time, not for every reply");
    }

    [Test]
    public async Task A_check_processed_again_after_a_crash_is_posted_once_in_the_first_checkers_name()
    {
        var request = core.Context(user: "bob");
        core.Faults.Arm("INC-1:checklist:");
        Assert.ThrowsAsync<InjectedFault>(() => core.Run("check 1", request));

        await core.Run("check 1", request);
        await core.Run("check 1", core.Context(user: "carol"));

        Assert.That(core.Posts.Where(p => p.Message.Key.StartsWith("INC-1:checklist:", StringComparison.Ordinal)).Select(p => p.Message.Text), Has.Exactly(1).StartsWith("bob checked off: "));
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Checklist), Is.EqualTo(1));
        Assert.That(core.Answers[^1].Message.Text, Does.EndWith("was already checked off."));
    }

    [Test]
    public async Task A_nudge_fired_again_after_it_failed_half_way_is_posted_and_recorded_once()
    {
        var nudge = core.Reminders.Scheduled.Single(r => r.Kind == ReminderKinds.FirstStatusNudge);
        core.Clock.Advance(nudge.At - core.Clock.GetUtcNow());
        core.Faults.Arm("INC-1:nudge:first-status");
        Assert.ThrowsAsync<InjectedFault>(() => core.ReminderHandler.Fire(nudge, CancellationToken.None));
        core.Clock.Advance(TimeSpan.FromMinutes(1));

        await core.ReminderHandler.Fire(nudge, CancellationToken.None);

        Assert.That(Nudges("No public status update yet"), Has.Count.EqualTo(1));
        Assert.That((await core.Timeline()).Count(e => e.Kind == TimelineKind.Reminder), Is.EqualTo(1));
    }

    [Test]
    public async Task Resolving_stops_every_nudge()
    {
        await core.Run("resolve checkout works again");

        await core.Advance(TimeSpan.FromHours(2));

        Assert.That(core.Reminders.Scheduled, Is.Empty);
        Assert.That(Nudges(""), Is.Empty);
    }

    private List<string> Nudges(string startsWith) =>
        [.. core.Posts.Where(p => p.Message.Key.Contains(":nudge:", StringComparison.Ordinal) && p.Message.Text.StartsWith(startsWith, StringComparison.Ordinal)).Select(p => p.Message.Text)];
}
