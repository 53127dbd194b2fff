namespace IncidentBot.Core.Actions;

/// <summary>Durable follow-up actions. Implemented by the host over SQLite or PostgreSQL.</summary>
public interface IActionStore
{
    /// <summary>Records the action, or returns the one the same request recorded before.</summary>
    Task<FollowUpAction> Add(NewAction draft, CancellationToken ct);

    Task<FollowUpAction?> Find(long number, CancellationToken ct);

    /// <summary>Marks it done; false when it already was.</summary>
    Task<bool> MarkDone(long number, string by, DateTimeOffset at, CancellationToken ct);

    /// <summary>Gives an open action a new owner and due date (null: none); false when it is done or does not exist.</summary>
    Task<bool> Reassign(long number, string? owner, DateOnly? due, CancellationToken ct);

    /// <summary>Across incidents, oldest first.</summary>
    Task<IReadOnlyList<FollowUpAction>> List(bool openOnly, CancellationToken ct);

    /// <summary>One incident's, oldest first.</summary>
    Task<IReadOnlyList<FollowUpAction>> ForIncident(long incidentNumber, CancellationToken ct);
}
