using IncidentBot.Core.Chat;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Status;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Incidents;

/// <summary>
/// <c>resolve &lt;what you verified&gt;</c>: closes the incident with how recovery was checked, stops every pending
/// reminder (escalations included) and resolves the PagerDuty alert. Resolving twice changes nothing. The command
/// gives only the verification; a form can also give the root cause and the resolution for the postmortem.
/// </summary>
public sealed class ResolveIncident(
    IIncidentStore incidents,
    IReminders reminders,
    IExternalPager externalPager,
    PostStatusUpdate status,
    Roster roster,
    ChatPlatforms platforms,
    TimeProvider clock)
{
    public Task<string> Run(Incident incident, string verification, string resolvedBy, CancellationToken ct) =>
        Run(incident, verification, resolvedBy, rootCause: null, resolution: null, ct);

    public async Task<string> Run(Incident incident, string verification, string resolvedBy, string? rootCause, string? resolution, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!await incidents.Resolve(incident.Number, now, ct))
        {
            var current = await incidents.Find(incident.Number, ct);
            return $"{incident.Id} was already resolved at {ThreadRoot.FormatUtc(current?.ResolvedAt ?? now)}.";
        }

        await incidents.SetResolution(incident.Number, verification, rootCause, resolution, ct);
        await reminders.CancelAll(incident.Number, ct);
        if (incident.Area is { } key && roster.Registry.Areas.TryGetValue(key, out var area) && area.PagerDutyRoutingKey is not null)
        {
            await externalPager.Resolve(incident, area, ct);
        }

        var text = $"Resolved by {resolvedBy} after {PostmortemFigures.Duration(now - incident.DeclaredAt)}. Verified: {verification}";
        await incidents.Append(incident.Number, new TimelineEntry(now, TimelineKind.Resolved, resolvedBy, text, "resolved"), ct);
        await status.PublishResolved(incident, resolvedBy, ct);
        await platforms[incident.Thread.Platform].PostInThread(incident, await ClosingSummary(incident, text, ct), ct);
        return $"{incident.Id} is resolved; reminders and escalations are stopped.";
    }

    /// <summary>The resolution and the figures the postmortem will report, so the thread ends with them.</summary>
    private async Task<ChatMessage> ClosingSummary(Incident incident, string resolved, CancellationToken ct)
    {
        var current = await incidents.Find(incident.Number, ct) ?? incident;
        var figures = PostmortemFigures.Of(current, await incidents.Timeline(incident.Number, ct));
        return new ChatMessage(
            $"{incident.Id}:resolved",
            $"{resolved}\nThe postmortem draft: '{platforms[incident.Thread.Platform].CommandPrefix} postmortem {incident.Id}'.",
            Heading: $"{incident.Id} resolved",
            Fields: [.. figures.Rows().Select(r => new ChatField(r.Figure, r.Time))]);
    }
}
