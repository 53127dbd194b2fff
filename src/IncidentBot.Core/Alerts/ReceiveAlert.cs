using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Declaration;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// An alert arrived. While an incident opened for its group is open, the alert is appended to it (an <c>alert</c>
/// entry and a post in the thread), never opening a second one. Otherwise a firing alert whose rule says declare
/// opens an incident the way a person's declaration does (paging, rollback question, checklist, nudges), with the
/// alert's start as the impact start; any other alert is posted to the incident channel. A resolved alert never
/// resolves an incident: that still needs what was verified. Safe to run twice for the same alert: the incident's
/// request key is the group's and its generation, entries and messages have keys of their own.
/// </summary>
public sealed class ReceiveAlert(
    IIncidentStore incidents,
    IAlertRulesSource rules,
    Roster roster,
    DeclareIncident declare,
    ChatPlatforms platforms,
    AlertDestination destination,
    TimeProvider clock)
{
    public async Task Handle(Alert alert, CancellationToken ct)
    {
        var route = rules.Current.Route(alert, roster.Registry);
        var linked = await incidents.ForAlert(alert.GroupKey, ct);
        var target = linked.LastOrDefault(i => i.IsOpen) ?? (alert.Status == AlertStatus.Resolved && linked.Count > 0 ? linked[^1] : null);
        if (target is not null)
        {
            await Append(target, alert, ct);
        }
        else if (alert.Status == AlertStatus.Firing && route.Declare)
        {
            await Declare(alert, route, generation: linked.Count + 1, ct);
        }
        else
        {
            var (id, text) = Describe(alert);
            await platforms[destination.Platform].PostToChannel(destination.Channel, new ChatMessage(id, text, Heading: Heading(alert)), ct);
        }
    }

    private async Task Declare(Alert alert, AlertRoute route, int generation, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var title = alert.Summary is { Length: > 0 } summary ? $"{alert.Name}: {summary}" : alert.Name;
        title = title.Length > Usage.MaxSummaryLength ? title[..(Usage.MaxSummaryLength - 3)] + "..." : title;
        var started = alert.StartsAt < now ? alert.StartsAt : now;
        var requestKey = $"alert:{alert.GroupKey}:{generation}";
        var draft = new NewIncident(requestKey, title, route.Severity, route.Area, alert.Actor, Owner: null, now, destination.Platform, destination.Channel, started, alert.GroupKey);
        var incident = await incidents.Create(draft, new TimelineEntry(now, TimelineKind.Declared, alert.Actor, title, "declared"), ct);
        var platform = platforms[incident.Thread.Platform];
        await platform.OpenThread(incident, ThreadRoot.For(incident), ct);

        var rule = route.Line is { } line ? $"rule at line {line} of the alert rules" : "the default alert rules";
        var detected = $"Impact started {ThreadRoot.FormatUtc(started)} (the alert's start), {PostmortemFigures.Duration(now - started)} before the declaration ({rule})";
        await incidents.Append(incident.Number, new TimelineEntry(now, TimelineKind.Detected, alert.Actor, detected, "detected:alert"), ct);
        await Append(incident, alert, ct);
        await declare.Respond(incident, route.Area, requestKey, ct);
    }

    private async Task Append(Incident incident, Alert alert, CancellationToken ct)
    {
        var (id, text) = Describe(alert);
        // An alert sent again is posted again: the post is keyed, so it goes out once, even when the first delivery
        // stopped between the entry and the post.
        await incidents.Append(incident.Number, new TimelineEntry(clock.GetUtcNow(), TimelineKind.Alert, alert.Actor, text, id), ct);
        var note = alert.Status == AlertStatus.Resolved
            ? $"\nThe alert resolved; {incident.Id} stays {(incident.IsOpen ? "open: resolving it needs what was verified ('resolve <what you verified>')" : "resolved")}."
            : "";
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:{id}", text + note, Heading: Heading(alert)), ct);
    }

    /// <summary>The entry's id (one per alert instance and status) and its text: what, labels, annotations, link.</summary>
    private static (string Id, string Text) Describe(Alert alert)
    {
        var status = alert.Status == AlertStatus.Firing ? "firing" : "resolved";
        var lines = new List<string> { $"{alert.Name} {status}{(alert.Summary is { } s ? ": " + s : "")} (since {ThreadRoot.FormatUtc(alert.StartsAt)})" };
        if (alert.Labels.Count > 0)
        {
            lines.Add("Labels: " + string.Join(", ", alert.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")));
        }

        var annotations = alert.Annotations.Where(a => a.Key != "summary").OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
        if (annotations.Count > 0)
        {
            lines.Add("Annotations: " + string.Join("; ", annotations.Select(a => $"{a.Key}: {a.Value}")));
        }

        if (alert.Url is { } url)
        {
            lines.Add("Link: " + url);
        }

        return ($"alert:{alert.Source}:{alert.Fingerprint}:{status}:{alert.StartsAt.ToUnixTimeSeconds()}", string.Join('\n', lines));
    }

    private static string Heading(Alert alert) => $"Alert {(alert.Status == AlertStatus.Firing ? "firing" : "resolved")}: {alert.Name}";
}
