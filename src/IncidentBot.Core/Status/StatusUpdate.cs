using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Status;

/// <summary>
/// One public status update: what the status page, the stakeholder channels and Statuspage show. It holds only what
/// may be public; <see cref="By"/> is kept for the record and never published. <see cref="Key"/> is unique within its
/// incident and made from the request that gave the update, so processing that request again finds the update it
/// made the first time; it names the update's timeline entry and messages.
/// </summary>
public sealed record StatusUpdate(long IncidentNumber, IncidentStatus Stage, string PublicMessage, DateTimeOffset At, string By, string Key)
{
    /// <summary>The message every resolved incident ends with on the public pages.</summary>
    public const string ResolvedMessage = "This incident has been resolved.";

    /// <summary>The key of the final update a resolve publishes: an incident is resolved once.</summary>
    public const string ResolvedKey = "status:resolved";

    /// <summary>The key of the update given by the request <paramref name="requestKey"/>.</summary>
    public static string KeyFor(string requestKey) => $"status:{requestKey}";

    /// <summary>The stage as people read it (<c>Identified</c>).</summary>
    public string StageName => Stage.ToString();
}
