using IncidentBot.Core.Replies;

namespace IncidentBot.Core.Tests.Support;

/// <summary>Edits and deletions waiting for their reply, in memory.</summary>
internal sealed class MemoryPendingReplyChanges : IPendingReplyChanges
{
    private readonly List<(long Incident, ReplyChange Change)> kept = [];
    private readonly Lock gate = new();

    public Task Keep(long incidentNumber, ReplyChange change, CancellationToken ct)
    {
        lock (gate)
        {
            kept.Add((incidentNumber, change));
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<ReplyChange>> Find(long incidentNumber, IReadOnlyCollection<string> messageIds, CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ReplyChange>>([.. kept.Where(k => k.Incident == incidentNumber && messageIds.Contains(k.Change.MessageId)).Select(k => k.Change)]);
        }
    }

    public Task Forget(long incidentNumber, IReadOnlyCollection<string> messageIds, CancellationToken ct)
    {
        lock (gate)
        {
            kept.RemoveAll(k => k.Incident == incidentNumber && messageIds.Contains(k.Change.MessageId));
            return Task.CompletedTask;
        }
    }
}
