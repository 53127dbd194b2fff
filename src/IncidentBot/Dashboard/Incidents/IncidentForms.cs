using IncidentBot.Core.Actions;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Dashboard.Access;
using IncidentBot.Dashboard.Html;

namespace IncidentBot.Dashboard.Incidents;

/// <summary>The forms on the incident page; each posts to <see cref="IncidentActionEndpoints"/> with an anti-forgery token.</summary>
internal static class IncidentForms
{
    public static Markup Note(HttpContext http, Incident incident) => Markup.Of($"""
        <form method="post" action="/ui/incidents/{incident.Number}/notes" class="card" id="note-form">{Forms.Token(http)}
        <label for="note-text">Add a note to the timeline (what was said or done outside the thread)</label>
        <textarea id="note-text" name="text" required maxlength="3000"></textarea>
        <p><button type="submit">Add note</button></p>
        </form>
        """);

    public static Markup Postmortem(HttpContext http, Incident incident) => Markup.Of($"""
        <details id="edit-postmortem"><summary>Edit impact, root cause and resolution</summary>
        <form method="post" action="/ui/incidents/{incident.Number}/postmortem" class="card">{Forms.Token(http)}
        <label for="pm-impact">Impact: who was affected, how many, and what could they not do?</label>
        <textarea id="pm-impact" name="impact" maxlength="5000">{incident.Impact}</textarea>
        <label for="pm-root-cause">Root cause: what failed, and why then?</label>
        <textarea id="pm-root-cause" name="rootCause" maxlength="5000">{incident.RootCause}</textarea>
        <label for="pm-resolution">Resolution: what restored service, and what fixed the cause for good?</label>
        <textarea id="pm-resolution" name="resolution" maxlength="5000">{incident.Resolution}</textarea>
        <p><button type="submit">Save the postmortem</button></p>
        </form></details>
        """);

    public static Markup Actions(HttpContext http, IReadOnlyList<FollowUpAction> actions, ExpertiseRegistry registry, DateTimeOffset now)
    {
        if (actions.Count == 0)
        {
            return Markup.Of($"<p class=\"muted\" id=\"actions\">None recorded. In chat: action &lt;incident&gt; [@owner] [due:yyyy-mm-dd] &lt;text&gt;.</p>");
        }

        var rows = actions.Select(a => Markup.Of($"""
            <tr data-action="{a.Id}"><td>{a.Id}</td><td>{a.Text}</td><td>{Display.Person(a.Owner, registry)}</td>
            <td>{(a.Due is { } due ? $"{due:yyyy-MM-dd}" : "–")}{(a.IsOverdue(now) ? Markup.Of($" <span class=\"badge error\">overdue</span>") : Markup.Empty)}</td>
            <td>{State(http, a)}</td></tr>
            """));
        return Markup.Of($"""
            <div class="table-wrap"><table id="actions"><thead><tr><th scope="col">Id</th><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Done</th></tr></thead>
            <tbody>{Markup.Join(rows)}</tbody></table></div>
            """);
    }

    private static Markup State(HttpContext http, FollowUpAction action) => action.IsDone
        ? Markup.Of($"done {Display.TimeElement(action.DoneAt)}")
        : Markup.Of($"""
            <form method="post" action="/ui/actions/{action.Id}/done">{Forms.Token(http)}<button type="submit" aria-label="Mark {action.Id} done">Mark done</button></form>
            <details><summary>Change owner or due date</summary>
            <form method="post" action="/ui/actions/{action.Id}/reassign" class="inline">{Forms.Token(http)}
            <div><label for="owner-{action.Id}">Owner (registry id)</label><input id="owner-{action.Id}" name="owner" value="{action.Owner}"></div>
            <div><label for="due-{action.Id}">Due</label><input id="due-{action.Id}" name="due" type="date" value="{(action.Due is { } due ? $"{due:yyyy-MM-dd}" : "")}"></div>
            <button type="submit" aria-label="Save {action.Id}">Save</button>
            </form></details>
            """);
}
