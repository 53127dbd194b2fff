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

    public Task<IReadOnlyList<ReplyChange>> Take(long incidentNumber, string messageId, CancellationToken ct)
    {
        lock (gate)
        {
            IReadOnlyList<ReplyChange> taken = [.. kept.Where(k => k.Incident == incidentNumber && k.Change.MessageId == messageId).Select(k => k.Change)];
            kept.RemoveAll(k => k.Incident == incidentNumber && k.Change.MessageId == messageId);
            return Task.FromResult(taken);
        }
    }
}
