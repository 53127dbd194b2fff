using System.Globalization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Runbook;

/// <summary>The runbook as a checklist in the thread: a button per step; checking one off is a <c>checklist</c> entry.</summary>
public sealed class Checklist(IIncidentStore incidents, ChatPlatforms platforms, IRunbookSource runbook, TimeProvider clock)
{
    public const string CheckAction = "check";

    public Task Post(Incident incident, CancellationToken ct)
    {
        var steps = runbook.Current.Steps;
        var n = incident.Number.ToString(CultureInfo.InvariantCulture);
        var lines = steps.Select((s, i) => $"{i + 1}. {s.Title}{(s.Text is null ? "" : $": {s.Text}")}");
        return platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage(
            $"{incident.Id}:checklist",
            string.Join('\n', lines),
            Heading: "Runbook checklist: press a step when it is done",
            Buttons: [
                .. steps.Select(s => new ChatButton(CheckAction, s.Title, $"{n}:{s.Id}")),
                .. steps.Select(s => StepActions.Button(s.Action, incident)).OfType<ChatButton>(),
                FormButtons.StatusButton(incident),
                FormButtons.ResolveButton(incident)]),
            ct);
    }

    /// <summary>The root-cause step is checked off by writing the root cause (<see cref="RootCauseFound"/>).</summary>
    public bool AsksForTheRootCause(string stepId) => runbook.Current.Step(stepId)?.Action == StepActions.RootCause;

    public async Task<string> Check(Incident incident, string stepId, string by, CancellationToken ct)
    {
        if (runbook.Current.Step(stepId) is not { } step)
        {
            return $"The runbook has no step '{stepId}' (any more).";
        }

        var entry = new TimelineEntry(clock.GetUtcNow(), TimelineKind.Checklist, by, $"Done: {step.Title}", $"checklist:{step.Id}");
        if (!await incidents.Append(incident.Number, entry, ct))
        {
            return $"'{step.Title}' was already checked off.";
        }

        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:checklist:{step.Id}", $"{by} checked off: {step.Title}"), ct);
        return $"Checked off: {step.Title}.";
    }
}
