using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Status;

/// <summary>
/// One public status update: what the status page, the stakeholder channels and Statuspage show. It holds only what
/// may be public; <see cref="By"/> is kept for the record and never published.
/// </summary>
public sealed record StatusUpdate(long IncidentNumber, IncidentStatus Stage, string PublicMessage, DateTimeOffset At, string By)
{
    /// <summary>The message every resolved incident ends with on the public pages.</summary>
    public const string ResolvedMessage = "This incident has been resolved.";

    /// <summary>The stage as people read it (<c>Identified</c>).</summary>
    public string StageName => Stage.ToString();

    /// <summary>A key unique to this update within its incident, for timeline source ids and message keys.</summary>
    public string Key => $"status:{At.ToUnixTimeMilliseconds()}";
}
