using IncidentBot.Core.Actions;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Timeline;
using IncidentBot.Dashboard.Html;

namespace IncidentBot.Dashboard.Incidents;

/// <summary>
/// <c>GET /ui/incidents/{id}</c>: the header, the timeline as a picture and as a list, pending reminders, follow-up
/// actions (with the forms that act on them) and the postmortem draft.
/// </summary>
internal sealed class IncidentPage(
    IIncidentStore store, IActionStore actions, DraftPostmortem postmortem, PendingReminders reminders, Roster roster, TimeProvider clock)
{
    public async Task<IResult> Render(HttpContext http, Incident incident, string? notice, CancellationToken ct)
    {
        var timeline = await store.Timeline(incident.Number, ct);
        var now = clock.GetUtcNow();
        var pending = await Reminders(incident, ct);
        var followUps = await actions.ForIncident(incident.Number, ct);
        var draft = await postmortem.Markdown(incident, ct);
        var body = Markup.Of($"""
            <h1>{incident.Id}: {incident.Title}</h1>
            {(notice is null ? Markup.Empty : Markup.Of($"<p class=\"notice\" role=\"status\" id=\"notice\">{notice}</p>"))}
            {Header(incident)}
            <section aria-labelledby="h-picture"><h2 id="h-picture">Timeline picture</h2>{TimelinePicture.Render(incident, timeline, now)}</section>
            <section aria-labelledby="h-timeline"><h2 id="h-timeline">Timeline</h2>{TimelineList(timeline)}{IncidentForms.Note(http, incident)}</section>
            <section aria-labelledby="h-reminders"><h2 id="h-reminders">Pending reminders</h2>{pending}</section>
            <section aria-labelledby="h-actions"><h2 id="h-actions">Follow-up actions</h2>{IncidentForms.Actions(http, followUps, roster.Registry, now)}</section>
            <section aria-labelledby="h-postmortem" class="postmortem"><h2 id="h-postmortem">Postmortem draft</h2>
            <p><a href="/ui/incidents/{incident.Number}/postmortem.md" download="{incident.Id}-postmortem.md" id="download">Download the draft (Markdown)</a></p>
            {IncidentForms.Postmortem(http, incident)}
            {PostmortemHtml.Render(draft)}
            </section>
            """);
        return Layout.Page(http, incident.Id, body);
    }

    private Markup Header(Incident incident)
    {
        var registry = roster.Registry;
        (string Term, Markup Value)[] facts =
        [
            ("Status", Markup.Of($"{Display.Status(incident.Status)}")),
            ("Severity", Markup.Of($"{Display.Severity(incident.Severity)}")),
            ("Owner", Markup.Of($"{Display.Person(incident.Owner, registry)}")),
            ("Area", Markup.Of($"{incident.Area ?? "not set"}")),
            ("Impact started", Display.TimeElement(incident.ImpactStartedAt)),
            ("Declared", Markup.Of($"{Display.TimeElement(incident.DeclaredAt)} by {Display.Person(incident.DeclaredBy, registry)}")),
            ("Resolved", Display.TimeElement(incident.ResolvedAt)),
            ("Thread", Display.Thread(incident.Thread)),
        ];
        var items = facts.Select(f => Markup.Of($"<div><dt>{f.Term}</dt><dd>{f.Value}</dd></div>"));
        var badge = incident.IsPrivate ? Markup.Of($"<p><span class=\"badge\">private</span> Shown only to the members of its channel and the deciders.</p>") : Markup.Empty;
        return Markup.Of($"<section aria-label=\"Summary\">{badge}<dl class=\"facts\" id=\"facts\">{Markup.Join(items)}</dl></section>");
    }

    private Markup TimelineList(IReadOnlyList<TimelineEntry> timeline)
    {
        var registry = roster.Registry;
        var items = timeline.OrderBy(e => e.At).Select(e => Markup.Of($"""
            <li data-kind="{e.Kind}"{(e.Deleted ? Markup.Of($" class=\"deleted\"") : Markup.Empty)}>{Display.TimeElement(e.At)} <span class="badge">{e.Kind}</span> <strong>{Display.Person(e.Actor, registry)}</strong>: {e.Text}{(e.Deleted ? " (deleted)" : "")}{(e.EditedAt is { } edited ? $" (edited {Display.Time(edited)})" : "")}{(TimelineLanes.IsKey(e) ? Markup.Of($" <span class=\"badge\">key</span>") : Markup.Empty)}</li>
            """));
        return Markup.Of($"<ol class=\"timeline\" id=\"timeline\">{Markup.Join(items)}</ol>");
    }

    private async Task<Markup> Reminders(Incident incident, CancellationToken ct)
    {
        var pending = await reminders.Of(incident.Number, ct);
        if (pending.Count == 0)
        {
            return Markup.Of($"<p class=\"muted\" id=\"reminders\">None: nothing is scheduled for {incident.Id}.</p>");
        }

        var rows = pending.Select(p => Markup.Of($"<tr><td>{PendingReminders.Describe(p.Reminder.Kind)}</td><td>{Display.TimeElement(p.Due)}</td></tr>"));
        return Markup.Of($"""
            <div class="table-wrap"><table id="reminders"><thead><tr><th scope="col">What</th><th scope="col">Due</th></tr></thead>
            <tbody>{Markup.Join(rows)}</tbody></table></div>
            """);
    }
}
