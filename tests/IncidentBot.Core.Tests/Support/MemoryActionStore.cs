using IncidentBot.Core.Actions;

namespace IncidentBot.Core.Tests.Support;

/// <summary>Follow-up actions kept in memory, for core tests; the host's SQL store has its own tests.</summary>
internal sealed class MemoryActionStore : IActionStore
{
    private readonly List<(string RequestKey, FollowUpAction Action)> actions = [];
    private readonly Lock gate = new();

    public Task<FollowUpAction> Add(NewAction draft, CancellationToken ct)
    {
        lock (gate)
        {
            if (actions.FirstOrDefault(a => a.RequestKey == draft.RequestKey).Action is { } existing)
            {
                return Task.FromResult(existing);
            }

            var action = new FollowUpAction(actions.Count + 1, draft.IncidentNumber, draft.Text, draft.Owner, draft.Due, draft.CreatedBy, draft.CreatedAt);
            actions.Add((draft.RequestKey, action));
            return Task.FromResult(action);
        }
    }

    public Task<FollowUpAction?> Find(long number, CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult(actions.Select(a => a.Action).FirstOrDefault(a => a.Number == number));
        }
    }

    public Task<bool> Reassign(long number, string? owner, DateOnly? due, CancellationToken ct)
    {
        lock (gate)
        {
            var index = actions.FindIndex(a => a.Action.Number == number && !a.Action.IsDone);
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            actions[index] = (actions[index].RequestKey, actions[index].Action with { Owner = owner, Due = due });
            return Task.FromResult(true);
        }
    }

    public Task<bool> MarkDone(long number, string by, DateTimeOffset at, CancellationToken ct)
    {
        lock (gate)
        {
            var index = actions.FindIndex(a => a.Action.Number == number && !a.Action.IsDone);
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            actions[index] = (actions[index].RequestKey, actions[index].Action with { DoneAt = at, DoneBy = by });
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<FollowUpAction>> List(bool openOnly, CancellationToken ct) => Where(a => !openOnly || !a.IsDone);

    public Task<IReadOnlyList<FollowUpAction>> ForIncident(long incidentNumber, CancellationToken ct) => Where(a => a.IncidentNumber == incidentNumber);

    private Task<IReadOnlyList<FollowUpAction>> Where(Func<FollowUpAction, bool> match)
    {
        lock (gate)
        {
            IReadOnlyList<FollowUpAction> list = actions.Select(a => a.Action).Where(match).ToList();
            return Task.FromResult(list);
        }
    }
}
