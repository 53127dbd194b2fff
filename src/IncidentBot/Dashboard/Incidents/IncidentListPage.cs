using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Dashboard.Access;
using IncidentBot.Dashboard.Html;

namespace IncidentBot.Dashboard.Incidents;

/// <summary><c>GET /ui/incidents</c>: every incident the signed-in person may see, newest first, filtered by the query.</summary>
internal static class IncidentListPage
{
    private static readonly string[] Statuses = ["", "investigating", "identified", "monitoring", "resolved"];
    private static readonly string[] Severities = ["", "1", "2", "3", "4"];

    public static async Task<IResult> Render(
        HttpContext http, IIncidentStore store, DashboardPermissions permissions, Roster roster, TimeProvider clock, CancellationToken ct)
    {
        var (filter, errors) = IncidentFilter.Parse(http.Request.Query);
        var user = DashboardUser.From(http.User);
        var registry = roster.Registry;
        var shown = new List<Incident>();
        if (errors.Count == 0)
        {
            foreach (var incident in (await store.List(openOnly: false, ct)).Where(i => filter.Matches(i, registry)))
            {
                if (await permissions.MaySee(user, incident, ct))
                {
                    shown.Add(incident);
                }
            }
        }

        var now = clock.GetUtcNow();
        var rows = Markup.Join(shown.Select(i => Markup.Of($"""
            <tr data-incident="{i.Id}">
            <td><a href="/ui/incidents/{i.Number}">{i.Id}</a></td>
            <td>{i.Title}{(i.IsPrivate ? Markup.Of($" <span class=\"badge\">private</span>") : Markup.Empty)}</td>
            <td>{Display.Status(i.Status)}</td><td>{Display.Severity(i.Severity)}</td><td>{i.Area ?? "–"}</td>
            <td>{Display.Person(i.Owner, registry)}</td><td>{Display.TimeElement(i.DeclaredAt)}</td>
            <td>{Display.Duration(i, now)}</td><td class="hide-narrow">{Display.Thread(i.Thread)}</td>
            </tr>
            """)));
        var problems = Markup.Join(errors.Select(e => Markup.Of($"<li>{e}</li>")));
        var body = Markup.Of($"""
            <h1>Incidents</h1>
            {Filters(http.Request.Query)}
            {(errors.Count > 0 ? Markup.Of($"<div class=\"error\" role=\"alert\" id=\"filter-errors\"><p>The filters could not be applied:</p><ul>{problems}</ul></div>") : Markup.Empty)}
            <p role="status" id="count">{Count(shown.Count)}</p>
            <div class="table-wrap"><table id="incidents">
            <caption class="muted">Newest first. Times in UTC.</caption>
            <thead><tr><th scope="col">Id</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Severity</th><th scope="col">Area</th><th scope="col">Owner</th><th scope="col">Declared</th><th scope="col">Duration</th><th scope="col" class="hide-narrow">Thread</th></tr></thead>
            <tbody>{rows}</tbody>
            </table></div>
            """);
        return Layout.Page(http, "Incidents", body, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static string Count(int n) => n switch
    {
        0 => "No incidents match.",
        1 => "1 incident.",
        _ => $"{n} incidents.",
    };

    private static Markup Filters(IQueryCollection query)
    {
        string V(string name) => query[name].ToString();
        var statuses = Markup.Join(Statuses.Select(s =>
            Markup.Of($"<option value=\"{s}\"{(V("status") == s ? Markup.Of($" selected") : Markup.Empty)}>{(s.Length == 0 ? "any" : s)}</option>")));
        var severities = Markup.Join(Severities.Select(s =>
            Markup.Of($"<option value=\"{s}\"{(V("severity") == s ? Markup.Of($" selected") : Markup.Empty)}>{(s.Length == 0 ? "any" : "SEV" + s)}</option>")));
        return Markup.Of($"""
            <form method="get" action="/ui/incidents" class="card filters" role="search" aria-label="Filter incidents">
            <div><label for="f-q">Title contains</label><input id="f-q" name="q" value="{V("q")}"></div>
            <div><label for="f-status">Status</label><select id="f-status" name="status">{statuses}</select></div>
            <div><label for="f-severity">Severity</label><select id="f-severity" name="severity">{severities}</select></div>
            <div><label for="f-area">Area</label><input id="f-area" name="area" value="{V("area")}"></div>
            <div><label for="f-owner">Owner</label><input id="f-owner" name="owner" value="{V("owner")}"></div>
            <div><label for="f-from">Declared from</label><input id="f-from" name="from" type="date" value="{V("from")}"></div>
            <div><label for="f-to">Declared to</label><input id="f-to" name="to" type="date" value="{V("to")}"></div>
            <div><button type="submit" id="apply">Filter</button> <a href="/ui/incidents">Clear</a></div>
            </form>
            """);
    }
}
