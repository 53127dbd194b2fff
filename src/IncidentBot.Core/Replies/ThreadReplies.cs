using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Replies;

/// <summary>
/// Keeps an incident's timeline in step with the replies in its thread: new, edited, deleted, and marked as key
/// events (a :pushpin: reaction on Slack). Entries are ordered by the replies' own times, whatever order their events
/// came in; an edit or a deletion that comes before its reply is kept, and the reply is recorded with it applied, so a
/// deleted reply (a pasted secret) is never live, not even for a moment.
/// </summary>
public sealed class ThreadReplies(IIncidentStore store, IPendingReplyChanges pending)
{
    /// <summary>Appends the reply when the thread is an incident's; false for other threads and repeats.</summary>
    public async Task<bool> Record(ThreadMessage reply, CancellationToken ct) => await RecordAll([reply], ct) == 1;

    /// <summary>
    /// Appends replies of one thread together (a burst in a busy incident), in one write; how many were added (none for
    /// a thread that is not an incident's, nor for repeats).
    /// </summary>
    public async Task<int> RecordAll(IReadOnlyList<ThreadMessage> thread, CancellationToken ct)
    {
        var first = thread[0];
        if (thread.Any(r => (r.Platform, r.Channel, r.ThreadId) != (first.Platform, first.Channel, first.ThreadId)))
        {
            throw new ArgumentException("replies recorded together must all be in one thread", nameof(thread));
        }

        var incident = await store.FindByThread(first.Platform, first.Channel, first.ThreadId, ct);
        if (incident is null)
        {
            return 0;
        }

        string[] ids = [.. thread.Select(r => r.MessageId)];
        var changes = await pending.Find(incident.Number, ids, ct);
        var entries = thread.Select(r => WithChanges(new TimelineEntry(r.At, TimelineKind.Message, r.Actor, r.Text, r.MessageId), changes)).ToList();
        var added = await store.AppendAll(incident.Number, entries, ct);
        if (changes.Count > 0)
        {
            // Only once the replies are stored with them: a failure before this leaves them kept for the retry.
            await pending.Forget(incident.Number, ids, ct);
        }

        return added;
    }

    /// <summary>The entry as it is once its kept changes are applied, by the rules <see cref="Apply"/> follows.</summary>
    private static TimelineEntry WithChanges(TimelineEntry entry, IReadOnlyList<ReplyChange> changes)
    {
        foreach (var change in changes.Where(c => c.MessageId == entry.SourceId))
        {
            if (change.IsDeletion)
            {
                entry = entry with { Deleted = true };
            }
            else if (entry.EditedAt is null || entry.EditedAt <= change.EditedAt)
            {
                entry = entry with { Text = change.Text!, EditedAt = change.EditedAt };
            }
        }

        return entry;
    }

    /// <summary>False when the thread is not an incident's; an edit of a reply not recorded yet is kept for it.</summary>
    public Task<bool> Edit(string platform, string channel, string threadId, string messageId, string text, DateTimeOffset editedAt, CancellationToken ct) =>
        Change(platform, channel, threadId, new ReplyChange(messageId, text, editedAt), ct);

    /// <summary>False when the thread is not an incident's; the deletion of a reply not recorded yet is kept for it.</summary>
    public Task<bool> Delete(string platform, string channel, string threadId, string messageId, CancellationToken ct) =>
        Change(platform, channel, threadId, new ReplyChange(messageId, null, null), ct);

    private async Task<bool> Change(string platform, string channel, string threadId, ReplyChange change, CancellationToken ct)
    {
        if (await store.FindByThread(platform, channel, threadId, ct) is not { } incident)
        {
            return false;
        }

        if (!await Apply(incident.Number, change, ct) && !await store.HasEntry(incident.Number, change.MessageId, ct))
        {
            await pending.Keep(incident.Number, change, ct);
        }

        return true;
    }

    /// <summary>False when nothing changed: no such entry, or (for an edit) a newer edit is there already.</summary>
    private Task<bool> Apply(long number, ReplyChange change, CancellationToken ct) => change.IsDeletion
        ? store.MarkDeleted(number, change.MessageId, ct)
        : store.Edit(number, change.MessageId, change.Text!, change.EditedAt!.Value, ct);

    public async Task<bool> MarkKey(string platform, string channel, string threadId, string messageId, bool key, CancellationToken ct)
    {
        var incident = await store.FindByThread(platform, channel, threadId, ct);
        return incident is not null && await store.MarkKey(incident.Number, messageId, key, ct);
    }

    /// <summary>For platforms whose reactions name the message but not its thread (Slack).</summary>
    public Task<bool> MarkKeyByMessage(string platform, string channel, string messageId, bool key, CancellationToken ct) =>
        store.MarkKeyByMessage(platform, channel, messageId, key, ct);
}
