namespace IncidentBot.Core.Runbook;

/// <summary>The checklist posted in every incident thread, one button per step.</summary>
public sealed record RunbookDocument(IReadOnlyList<RunbookStep> Steps)
{
    public RunbookStep? Step(string id) => Steps.FirstOrDefault(s => s.Id == id);
}

/// <summary><see cref="Action"/>: one of <see cref="StepActions.Known"/>, a button beside the step that does it.</summary>
public sealed record RunbookStep(string Id, string Title, string? Text, string? Action = null);
