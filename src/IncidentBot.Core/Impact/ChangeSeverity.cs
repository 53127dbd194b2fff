using IncidentBot.Core.Chat;
using IncidentBot.Core.Home;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Impact;

/// <summary>
/// <c>sev &lt;1-4&gt;</c>: the incident turned out worse (or milder) than declared. The new severity sets how often the
/// status-update nudge asks for an update, and SEV-1 tells the deciders at once. A resolved incident keeps its severity.
/// </summary>
public sealed class ChangeSeverity(
    IIncidentStore incidents, Nudges nudges, SevOneDeciders deciders, ChatPlatforms platforms, TimeProvider clock, HomeRefresh? home = null)
{
    public async Task<string> Run(Incident incident, int severity, CommandContext context, CancellationToken ct)
    {
        if (!incident.IsOpen)
        {
            return $"{incident.Id} is resolved; its severity stays {Severities.Name(incident.Severity)}.";
        }

        if (incident.Severity == severity)
        {
            return $"{incident.Id} is already SEV-{severity}.";
        }

        await incidents.SetSeverity(incident.Number, severity, ct);
        var text = $"Severity: {Severities.Name(incident.Severity)} -> SEV-{severity}";
        var entry = new TimelineEntry(clock.GetUtcNow(), TimelineKind.Severity, context.User, text, "severity:" + context.RequestKey);
        await incidents.Append(incident.Number, entry, ct);

        var changed = incident with { Severity = severity };
        var every = nudges.StatusUpdateEvery(changed);
        var message = $"{text}, set by {context.User}. Public status updates are due every {Nudges.Minutes(every)}.";
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:{entry.SourceId}", message), ct);
        await nudges.Reschedule(changed, ct);
        if (severity == 1)
        {
            await deciders.Tell(changed, context.User, context.RequestKey, ct);
        }

        await (home?.Incident(incident.Number, $"{incident.Id}:{entry.SourceId}", context.User, ct) ?? Task.CompletedTask);
        return $"{incident.Id} is SEV-{severity} now; status updates are due every {Nudges.Minutes(every)}.";
    }
}
