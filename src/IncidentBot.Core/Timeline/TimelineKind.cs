namespace IncidentBot.Core.Timeline;

/// <summary>The timeline <c>kind</c> values: part of the public API (<c>GET /api/incidents/{id}</c>), so a rename breaks clients.</summary>
public static class TimelineKind
{
    public const string Declared = "declared";
    public const string Message = "message";
    public const string Paged = "paged";
    public const string Acknowledged = "acknowledged";
    public const string Escalated = "escalated";
    public const string Decision = "decision";
    public const string Status = "status";
    public const string Checklist = "checklist";
    public const string Handoff = "handoff";
    public const string Reminder = "reminder";
    public const string Action = "action";
    public const string Resolved = "resolved";

    /// <summary>An alert fired or resolved for the incident.</summary>
    public const string Alert = "alert";

    /// <summary>The severity changed.</summary>
    public const string Severity = "severity";

    /// <summary>The impact start was set or changed (what the time to detect is measured from).</summary>
    public const string Detected = "detected";

    /// <summary>The root cause was found (<c>rootcause</c>, or the runbook's root-cause step); the postmortem's root cause.</summary>
    public const string RootCause = "rootcause";

    /// <summary>The incident was related by hand to another (<c>related</c>); the other has the same entry naming this one.</summary>
    public const string Related = "related";
}
