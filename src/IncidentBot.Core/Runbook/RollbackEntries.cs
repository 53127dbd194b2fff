namespace IncidentBot.Core.Runbook;

/// <summary>
/// Source ids of the rollback-first <c>decision</c> entries. The postmortem reads them back: time to mitigate is
/// the time of <see cref="RestoredYes"/>.
/// </summary>
public static class RollbackEntries
{
    /// <summary>The answer to "would rolling back fix this?": <c>rollback:decided:yes|no|unsure</c>.</summary>
    public static string Decided(string answer) => $"rollback:decided:{answer}";

    public const string RestoredYes = "rollback:restored:yes";
    public const string RestoredNo = "rollback:restored:no";
}
