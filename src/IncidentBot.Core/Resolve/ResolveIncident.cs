using IncidentBot.Core.Chat;
using IncidentBot.Core.Home;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Search;
using IncidentBot.Core.Status;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Resolve;

/// <summary>
/// <c>resolve &lt;what you verified&gt;</c>: closes the incident with how recovery was checked, stops every pending
/// reminder (escalations included), resolves the PagerDuty alert, publishes the resolution and closes the thread with
/// a summary. The command gives only the verification; a form can also give the root cause and the resolution for the
/// postmortem. An incident is resolved once, so every step is keyed by the incident: a resolve that failed half-way is
/// finished by the next attempt (a retry, or anyone resolving again) with the time and verification first recorded,
/// and the steps already done are not repeated. Resolving a resolved incident again changes nothing. Last, for each
/// related earlier incident, the thread asks whether its verification steps were repeated (<see cref="RecurrenceCheck"/>).
/// </summary>
public sealed class ResolveIncident(
    IIncidentStore incidents,
    IReminders reminders,
    IExternalPager externalPager,
    PostStatusUpdate status,
    Roster roster,
    ChatPlatforms platforms,
    TimeProvider clock,
    HomeRefresh? home = null,
    RecurrenceCheck? recurrence = null)
{
    private const string ResolvedSourceId = "resolved";

    public Task<string> Run(Incident incident, string verification, string resolvedBy, CancellationToken ct) =>
        Run(incident, verification, resolvedBy, rootCause: null, resolution: null, ct);

    public async Task<string> Run(Incident incident, string verification, string resolvedBy, string? rootCause, string? resolution, CancellationToken ct)
    {
        var first = await incidents.Resolve(incident.Number, clock.GetUtcNow(), ct);
        var resolved = await incidents.Find(incident.Number, ct) ?? throw new InvalidOperationException($"{incident.Id} vanished while being resolved");
        if (resolved.Verification is null)
        {
            // The first attempt stopped before recording it: this one's words are the record.
            await incidents.SetResolution(incident.Number, verification, rootCause, resolution, ct);
            resolved = resolved with { Verification = verification, RootCause = rootCause ?? resolved.RootCause, Resolution = resolution };
        }

        await Finish(resolved, resolvedBy, ct);
        return first || resolved.Verification == verification
            ? $"{incident.Id} is resolved; reminders and escalations are stopped."
            : $"{incident.Id} was already resolved at {ThreadRoot.FormatUtc(resolved.ResolvedAt!.Value)}.";
    }

    /// <summary>The steps after the incident is marked resolved; each is keyed, so running them again repeats none.</summary>
    private async Task Finish(Incident resolved, string resolvedBy, CancellationToken ct)
    {
        await reminders.CancelAll(resolved.Number, ct);
        if (resolved.Area is { } key && roster.Registry.Areas.TryGetValue(key, out var area) && area.PagerDutyRoutingKey is not null)
        {
            await externalPager.Resolve(resolved, area, ct);
        }

        // Whoever resolved first is named, even when someone else's attempt finishes the steps.
        var recorded = (await incidents.BotEntries(resolved.Number, ct)).FirstOrDefault(e => e.SourceId == ResolvedSourceId);
        var by = recorded?.Actor ?? resolvedBy;
        var at = resolved.ResolvedAt!.Value;
        var text = recorded?.Text ?? $"Resolved by {by} after {PostmortemFigures.Duration(at - resolved.DeclaredAt)}. Verified: {resolved.Verification}";
        await incidents.Append(resolved.Number, new TimelineEntry(at, TimelineKind.Resolved, by, text, ResolvedSourceId), ct);
        await status.PublishResolved(resolved, by, ct);
        await platforms[resolved.Thread.Platform].PostInThread(resolved, await ClosingSummary(resolved, text, ct), ct);
        await (home?.Incident(resolved.Number, $"{resolved.Id}:resolved", by, ct) ?? Task.CompletedTask);
        await (recurrence?.Ask(resolved, ct) ?? Task.CompletedTask);
    }

    /// <summary>The resolution and the figures the postmortem will report, so the thread ends with them.</summary>
    private async Task<ChatMessage> ClosingSummary(Incident incident, string resolved, CancellationToken ct)
    {
        var figures = PostmortemFigures.Of(incident, await incidents.Timeline(incident.Number, ct));
        return new ChatMessage(
            $"{incident.Id}:resolved",
            $"{resolved}\nThe postmortem draft: '{platforms[incident.Thread.Platform].CommandPrefix} postmortem {incident.Id}'.",
            Heading: $"{incident.Id} resolved",
            Fields: [.. figures.Rows().Select(r => new ChatField(r.Figure, r.Time))]);
    }
}
