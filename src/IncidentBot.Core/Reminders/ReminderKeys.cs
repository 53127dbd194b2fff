using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Reminders;

/// <summary>The keys of an incident's reminders: one of each at a time, so scheduling again replaces it.</summary>
public static class ReminderKeys
{
    public static string Escalation(Incident incident) => $"{incident.Id}:escalate";

    /// <summary>No public status update yet (<c>Nudge:FirstStatusUpdate</c> after declaring).</summary>
    public static string FirstStatusNudge(Incident incident) => $"{incident.Id}:nudge-first-status";

    /// <summary>The thread went quiet (<c>Nudge:QuietThread</c>); rescheduled by every reply.</summary>
    public static string QuietThreadNudge(Incident incident) => $"{incident.Id}:nudge-quiet";

    /// <summary>The end of the owner's working day is near: find a new owner (repeats until a handoff).</summary>
    public static string HandoffNag(Incident incident) => $"{incident.Id}:handoff-nag";

    /// <summary>The owner's working day ended <c>Handoff:Grace</c> ago without a handoff.</summary>
    public static string HandoffEscalation(Incident incident) => $"{incident.Id}:handoff-escalate";

    /// <summary>A handoff waits for the new owner to accept (<c>Paging:AckTimeout</c>).</summary>
    public static string HandoffAccept(Incident incident) => $"{incident.Id}:handoff-accept";
}
