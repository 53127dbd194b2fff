namespace IncidentBot.Core.Runbook;

/// <summary>The checklist posted in every incident thread, one button per step.</summary>
public sealed record RunbookDocument(IReadOnlyList<RunbookStep> Steps)
{
    public RunbookStep? Step(string id) => Steps.FirstOrDefault(s => s.Id == id);
}

public sealed record RunbookStep(string Id, string Title, string? Text);
