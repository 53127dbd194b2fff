using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Timeline;

/// <summary>
/// Keeps an incident's timeline in step with the replies in its thread: new, edited, deleted, and marked as key
/// events (a :pushpin: reaction on Slack).
/// </summary>
public sealed class ThreadReplies(IIncidentStore store)
{
    /// <summary>Appends the reply when the thread is an incident's; false for other threads and repeats.</summary>
    public async Task<bool> Record(ThreadMessage reply, CancellationToken ct)
    {
        var incident = await store.FindByThread(reply.Platform, reply.Channel, reply.ThreadId, ct);
        if (incident is null)
        {
            return false;
        }

        var entry = new TimelineEntry(reply.At, TimelineKind.Message, reply.Actor, reply.Text, reply.MessageId);
        return await store.Append(incident.Number, entry, ct);
    }

    public async Task<bool> Edit(string platform, string channel, string threadId, string messageId, string text, DateTimeOffset editedAt, CancellationToken ct)
    {
        var incident = await store.FindByThread(platform, channel, threadId, ct);
        return incident is not null && await store.Edit(incident.Number, messageId, text, editedAt, ct);
    }

    public async Task<bool> Delete(string platform, string channel, string threadId, string messageId, CancellationToken ct)
    {
        var incident = await store.FindByThread(platform, channel, threadId, ct);
        return incident is not null && await store.MarkDeleted(incident.Number, messageId, ct);
    }

    public async Task<bool> MarkKey(string platform, string channel, string threadId, string messageId, bool key, CancellationToken ct)
    {
        var incident = await store.FindByThread(platform, channel, threadId, ct);
        return incident is not null && await store.MarkKey(incident.Number, messageId, key, ct);
    }

    /// <summary>For platforms whose reactions name the message but not its thread (Slack).</summary>
    public Task<bool> MarkKeyByMessage(string platform, string channel, string messageId, bool key, CancellationToken ct) =>
        store.MarkKeyByMessage(platform, channel, messageId, key, ct);
}
