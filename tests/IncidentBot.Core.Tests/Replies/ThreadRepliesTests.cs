using IncidentBot.Core.Chat;
using IncidentBot.Core.Replies;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Replies;

public sealed class ThreadRepliesTests
{
    private CoreHarness core = null!;
    private string thread = null!;

    [SetUp]
    public async Task Declare()
    {
        core = new CoreHarness();
        await core.Run("Checkout down");
        thread = core.Posts[0].ThreadId!;
    }

    [Test]
    public async Task A_reply_in_the_thread_goes_on_the_timeline_with_author_and_time()
    {
        var at = core.Clock.GetUtcNow().AddMinutes(3);

        var added = await core.Replies.Record(Reply("m1", "Database not affected, checked the logs", at), CancellationToken.None);

        Assert.That(added, Is.True);
        var entry = (await Timeline())[^1];
        Assert.That(entry, Is.EqualTo(new TimelineEntry(at, TimelineKind.Message, "bob", "Database not affected, checked the logs", "m1")));
    }

    [Test]
    public async Task A_reply_in_another_thread_is_ignored()
    {
        var added = await core.Replies.Record(Reply("m1", "lunch?") with { ThreadId = "elsewhere" }, CancellationToken.None);

        Assert.That(added, Is.False);
        Assert.That(await Timeline(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_same_reply_delivered_twice_is_recorded_once()
    {
        await core.Replies.Record(Reply("m1", "rolling back"), CancellationToken.None);
        var again = await core.Replies.Record(Reply("m1", "rolling back"), CancellationToken.None);

        Assert.That(again, Is.False);
        Assert.That(await Timeline(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task An_edit_replaces_the_text_and_records_when()
    {
        await core.Replies.Record(Reply("m1", "rolling bakc"), CancellationToken.None);
        var editedAt = core.Clock.GetUtcNow().AddMinutes(5);

        await core.Replies.Edit(InProcessChat.PlatformName, "C-ops", thread, "m1", "rolling back", editedAt, CancellationToken.None);

        var entry = (await Timeline())[^1];
        Assert.That((entry.Text, entry.EditedAt), Is.EqualTo(("rolling back", (DateTimeOffset?)editedAt)));
    }

    [Test]
    public async Task A_deletion_marks_the_entry_and_keeps_its_text()
    {
        await core.Replies.Record(Reply("m1", "wrong channel, sorry"), CancellationToken.None);

        await core.Replies.Delete(InProcessChat.PlatformName, "C-ops", thread, "m1", CancellationToken.None);

        var entry = (await Timeline())[^1];
        Assert.That((entry.Deleted, entry.Text), Is.EqualTo((true, "wrong channel, sorry")));
    }

    [Test]
    public async Task Editing_in_a_thread_that_is_no_incidents_changes_nothing()
    {
        var changed = await core.Replies.Edit(InProcessChat.PlatformName, "C-ops", "elsewhere", "m1", "x", core.Clock.GetUtcNow(), CancellationToken.None);

        Assert.That(changed, Is.False);
    }

    [Test]
    public async Task A_deletion_that_comes_before_its_reply_marks_the_reply_when_it_is_recorded()
    {
        await core.Replies.Delete(InProcessChat.PlatformName, "C-ops", thread, "m1", CancellationToken.None);

        await core.Replies.Record(Reply("m1", "the password is hunter2"), CancellationToken.None);

        var entry = (await Timeline()).Single(e => e.SourceId == "m1");
        Assert.That(entry.Deleted, Is.True);
    }

    [Test]
    public async Task A_reply_whose_deletion_came_first_is_stored_already_deleted()
    {
        await core.Replies.Delete(InProcessChat.PlatformName, "C-ops", thread, "m1", CancellationToken.None);
        // Marking it deleted as a second write would fail: there is none, so no moment when it was live.
        core.Store.DeletionFaults = 1;

        await core.Replies.Record(Reply("m1", "the password is hunter2"), CancellationToken.None);

        var entry = (await Timeline()).Single(e => e.SourceId == "m1");
        Assert.That(entry.Deleted, Is.True, "the pasted secret is not live");
        Assert.That(core.Store.DeletionFaults, Is.EqualTo(1), "no separate deletion");
    }

    [Test]
    public async Task A_deletion_kept_for_its_reply_is_kept_until_the_reply_is_stored()
    {
        await core.Replies.Delete(InProcessChat.PlatformName, "C-ops", thread, "m1", CancellationToken.None);
        core.Store.AppendFaults = 1;

        // The database fails as the reply is stored; the inbox tries again.
        Assert.That(async () => await core.Replies.Record(Reply("m1", "the password is hunter2"), CancellationToken.None), Throws.InvalidOperationException);
        await core.Replies.Record(Reply("m1", "the password is hunter2"), CancellationToken.None);

        var entry = (await Timeline()).Single(e => e.SourceId == "m1");
        Assert.That(entry.Deleted, Is.True, "the pasted secret is not left live");
    }

    [Test]
    public async Task Edits_that_come_before_their_reply_or_out_of_order_leave_the_latest_text()
    {
        var at = core.Clock.GetUtcNow();
        await core.Replies.Edit(InProcessChat.PlatformName, "C-ops", thread, "m1", "rolling back now", at.AddMinutes(2), CancellationToken.None);
        await core.Replies.Edit(InProcessChat.PlatformName, "C-ops", thread, "m1", "rolling back", at.AddMinutes(1), CancellationToken.None);

        await core.Replies.Record(Reply("m1", "rolling bakc", at), CancellationToken.None);
        var reads = core.Store.TimelineReads;
        await core.Replies.Edit(InProcessChat.PlatformName, "C-ops", thread, "m1", "rolling bak", at.AddSeconds(30), CancellationToken.None);
        Assert.That(core.Store.TimelineReads, Is.EqualTo(reads), "an edit older than the reply's latest is dropped without reading every reply");

        var entry = (await Timeline()).Single(e => e.SourceId == "m1");
        Assert.That((entry.Text, entry.EditedAt), Is.EqualTo(("rolling back now", (DateTimeOffset?)at.AddMinutes(2))));
    }

    [Test]
    public async Task Replies_recorded_out_of_order_are_on_the_timeline_in_the_order_they_were_written()
    {
        var at = core.Clock.GetUtcNow();
        await core.Replies.Record(Reply("m2", "second", at.AddSeconds(2)), CancellationToken.None);
        await core.Replies.Record(Reply("m1", "first", at.AddSeconds(1)), CancellationToken.None);

        Assert.That((await Timeline()).Where(e => e.Kind == TimelineKind.Message).Select(e => e.Text), Is.EqualTo<string[]>(["first", "second"]));
    }

    [Test]
    public async Task Replies_recorded_together_are_each_on_the_timeline_once_and_take_the_changes_that_came_before_them()
    {
        await core.Replies.Delete(InProcessChat.PlatformName, "C-ops", thread, "m2", CancellationToken.None);
        await core.Replies.Record(Reply("m1", "first"), CancellationToken.None);

        var added = await core.Replies.RecordAll([Reply("m1", "first"), Reply("m2", "the token is abc"), Reply("m3", "third")], CancellationToken.None);

        Assert.That(added, Is.EqualTo(2), "m1 was there already");
        var replies = (await Timeline()).Where(e => e.Kind == TimelineKind.Message).ToList();
        Assert.That(replies.Select(e => (e.SourceId, e.Deleted)), Is.EqualTo<(string, bool)[]>([("m1", false), ("m2", true), ("m3", false)]));
    }

    [Test]
    public void Replies_of_different_threads_are_not_recorded_together()
    {
        Assert.ThrowsAsync<ArgumentException>(() => core.Replies.RecordAll([Reply("m1", "a"), Reply("m2", "b") with { ThreadId = "elsewhere" }], CancellationToken.None));
    }

    private ThreadMessage Reply(string id, string text, DateTimeOffset? at = null) =>
        new(InProcessChat.PlatformName, "C-ops", thread, id, "bob", text, at ?? core.Clock.GetUtcNow());

    private Task<IReadOnlyList<TimelineEntry>> Timeline() => core.Store.Timeline(1, CancellationToken.None);
}
