namespace IncidentBot.Core.Incidents;

/// <summary>How a severity is named in messages: <c>SEV-1</c> to <c>SEV-4</c>, or "not set".</summary>
public static class Severities
{
    public static string Name(int? severity) => severity is { } sev ? $"SEV-{sev}" : "not set";
}
