using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Runbook;

/// <summary>The runbook in force (the file at <c>Runbook:Path</c>, or the one that ships with the bot).</summary>
public interface IRunbookSource
{
    RunbookDocument Current { get; }
}

/// <summary>
/// An automated rollback (a deploy pipeline's webhook), when one is configured for the incident's area. The
/// request is queued and retried; its outcome comes back through <see cref="RollbackFirst.WebhookAnswered"/>.
/// </summary>
public interface IRollbackTrigger
{
    bool IsConfigured(Incident incident);

    /// <summary>
    /// Once per incident: a second request for the same incident (a decision processed again after a crash) sends
    /// nothing more.
    /// </summary>
    Task Request(Incident incident, string requestedBy, CancellationToken ct);
}
