using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Runbook;

/// <summary>
/// <c>rootcause &lt;text&gt;</c>, or the runbook's root-cause step: the cause goes on the timeline and on the incident at
/// once (the postmortem's root cause), the step is checked off, and, as the runbook asks, the owner is asked to tell
/// users a fix is being worked on: a status update with stage <c>identified</c>, its form prefilled.
/// </summary>
public sealed class RootCauseFound(IIncidentStore incidents, ChatPlatforms platforms, IRunbookSource runbook, TimeProvider clock)
{
    public const string IdentifiedMessage = "We found the cause and are working on a fix.";

    public async Task<string> Run(Incident incident, string rootCause, string by, string requestKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await incidents.SetRootCause(incident.Number, rootCause, ct);
        await incidents.Append(incident.Number, new TimelineEntry(now, TimelineKind.RootCause, by, $"Root cause: {rootCause}", "rootcause:" + requestKey), ct);
        if (runbook.Current.Steps.FirstOrDefault(s => s.Action == StepActions.RootCause) is { } step)
        {
            await incidents.Append(incident.Number, new TimelineEntry(now, TimelineKind.Checklist, by, $"Done: {step.Title}", $"checklist:{step.Id}"), ct);
        }

        if (!incident.IsOpen)
        {
            return $"Recorded the root cause of {incident.Id}; the postmortem shows it.";
        }

        var platform = platforms[incident.Thread.Platform];
        var command = $"{platform.CommandPrefix} status {incident.Id} identified {IdentifiedMessage}";
        var ask = incident.Status is IncidentStatus.Investigating
            ? $"\n{incident.Owner ?? "Owner"}: tell users a fix is being worked on. Post a status update ('{command}')."
            : "";
        await platform.PostInThread(incident, new ChatMessage(
            $"{incident.Id}:rootcause:{requestKey}",
            $"{by} found the root cause: {rootCause}{ask}",
            Buttons: ask.Length > 0 ? [FormButtons.StatusButton(incident, IncidentStatus.Identified)] : null), ct);
        return $"Recorded the root cause of {incident.Id}.";
    }
}
