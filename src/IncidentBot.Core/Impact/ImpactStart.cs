using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Impact;

/// <summary>
/// <c>started &lt;time&gt;</c>: when users were first affected, which is often long before anyone declared the incident.
/// The time to detect runs from it to the declaration, so it must lie before the declaration. Accepted on resolved
/// incidents too: it is often found out while writing the postmortem.
/// </summary>
public sealed class ImpactStart(IIncidentStore incidents, ChatPlatforms platforms, TimeProvider clock)
{
    public async Task<string> Set(Incident incident, PastTime when, CommandContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var at = when.Resolve(now);
        if (at > now)
        {
            return $"{ThreadRoot.FormatUtc(at)} is in the future. Nothing was changed.";
        }

        if (at > incident.DeclaredAt)
        {
            return $"{ThreadRoot.FormatUtc(at)} is after {incident.Id} was declared ({ThreadRoot.FormatUtc(incident.DeclaredAt)}): "
                + "the impact start is when users were first affected, before the declaration. Nothing was changed.";
        }

        await incidents.SetImpactStart(incident.Number, at, ct);
        var text = $"Impact started {ThreadRoot.FormatUtc(at)}, {PostmortemFigures.Duration(incident.DeclaredAt - at)} before the declaration (time to detect)";
        var entry = new TimelineEntry(now, TimelineKind.Detected, context.User, text, "detected:" + context.RequestKey);
        await incidents.Append(incident.Number, entry, ct);
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:{entry.SourceId}", $"{text}, set by {context.User}."), ct);
        return $"{incident.Id}: {text}.";
    }
}
