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
            Heading: $"Runbook checklist: press a step when it is done (without buttons: 'check {incident.Id} <number>')",
            Buttons: [
                .. steps.Select(s => new ChatButton(CheckAction, s.Title, $"{n}:{s.Id}")),
                .. steps.Select(s => StepActions.Button(s.Action, incident)).OfType<ChatButton>(),
                FormButtons.StatusButton(incident),
                FormButtons.ResolveButton(incident)]),
            ct);
    }

    /// <summary>The root-cause step is checked off by writing the root cause (<see cref="RootCauseFound"/>).</summary>
    public bool AsksForTheRootCause(string step) => Find(step)?.Action == StepActions.RootCause;

    /// <summary><paramref name="step"/>: a step's id (the button), or its number in the posted list (the <c>check</c> command).</summary>
    public async Task<string> Check(Incident incident, string step, string by, CancellationToken ct)
    {
        if (Find(step) is not { } found)
        {
            return $"The runbook has no step '{step}' (any more).";
        }

        var entry = new TimelineEntry(clock.GetUtcNow(), TimelineKind.Checklist, by, $"Done: {found.Title}", $"checklist:{found.Id}");
        var added = await incidents.Append(incident.Number, entry, ct);
        var first = added ? entry : await incidents.Recorded(incident.Number, entry.SourceId, ct);

        // Posted on a repeat too: the post is keyed, so it goes out once, even when a crash came between the two.
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:checklist:{found.Id}", $"{first.Actor} checked off: {found.Title}"), ct);
        return added ? $"Checked off: {found.Title}." : $"'{found.Title}' was already checked off.";
    }

    private RunbookStep? Find(string step)
    {
        var steps = runbook.Current.Steps;
        return runbook.Current.Step(step)
            ?? (int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= steps.Count ? steps[n - 1] : null);
    }
}
