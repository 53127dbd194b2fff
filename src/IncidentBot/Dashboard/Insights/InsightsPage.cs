using System.Globalization;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Insights;
using IncidentBot.Core.Timeline;
using IncidentBot.Dashboard.Access;
using IncidentBot.Dashboard.Html;

namespace IncidentBot.Dashboard.Insights;

/// <summary>
/// <c>GET /ui/insights</c>: <see cref="ResponseInsights"/> over the incidents the signed-in person may see, as charts with
/// the same numbers in tables.
/// </summary>
internal static class InsightsPage
{
    public static async Task<IResult> Render(HttpContext http, IIncidentStore store, DashboardPermissions permissions, TimeProvider clock, CancellationToken ct)
    {
        var user = DashboardUser.From(http.User);
        var now = clock.GetUtcNow();
        var from = ResponseInsights.WeekOf(now).AddDays(-7 * (ResponseInsights.Weeks - 1));
        var seen = new List<(Incident, IReadOnlyList<TimelineEntry>)>();
        foreach (var incident in await store.List(openOnly: false, ct))
        {
            if (incident.DeclaredAt >= from && await permissions.MaySee(user, incident, ct))
            {
                seen.Add((incident, await store.Timeline(incident.Number, ct)));
            }
        }

        var insights = ResponseInsights.Of(seen, now);
        var times = ResponseInsights.Measures.Select((measure, i) => Markup.Of($"""
            <section aria-labelledby="h-time-{i}"><h2 id="h-time-{i}">Time to {measure}</h2>
            {Charts.WeeklyLines($"chart-{measure.Replace(' ', '-')}", measure, insights.Weeks)}
            <p class="muted">Solid: median; dashed: 90th percentile. Weeks start on Monday (UTC); an incident counts in the week it was declared.</p>
            {Table(measure, insights.Weeks)}
            </section>
            """));
        var rollbacks = insights.Rollbacks;
        var body = Markup.Of($"""
            <h1>Insights</h1>
            <p>{seen.Count} incident(s) declared since {from:yyyy-MM-dd} (the last {ResponseInsights.Weeks} weeks){(user.IsOperator ? "" : ", of those you may see")}.</p>
            {Markup.Join(times)}
            <section aria-labelledby="h-areas"><h2 id="h-areas">Incidents per area</h2>{Charts.Bars("chart-areas", "Incidents per area", insights.ByArea)}</section>
            <section aria-labelledby="h-severity"><h2 id="h-severity">Incidents per severity</h2>{Charts.Bars("chart-severity", "Incidents per severity", insights.BySeverity)}</section>
            <section aria-labelledby="h-rollback"><h2 id="h-rollback">Rollback first</h2>
            <p id="rollbacks">{rollbacks.RolledBack} of {rollbacks.Incidents} incident(s) rolled back ({rollbacks.Share.ToString("0%", CultureInfo.InvariantCulture)}); service was restored by the rollback in {rollbacks.Restored}, not restored in {rollbacks.NotRestored}, not recorded in {rollbacks.RolledBack - rollbacks.Restored - rollbacks.NotRestored}.</p>
            </section>
            <section aria-labelledby="h-handoffs"><h2 id="h-handoffs">Handoffs</h2>
            <p id="handoffs">{insights.HandoffsPerIncident.ToString("0.##", CultureInfo.InvariantCulture)} handoffs per incident (accepted handoffs and owners set outright).</p>
            </section>
            """);
        return Layout.Page(http, "Insights", body);
    }

    private static Markup Table(string measure, IReadOnlyList<WeekInsights> weeks)
    {
        var rows = weeks.Where(w => w.Times[measure].Count > 0).Select(w =>
        {
            var stat = w.Times[measure];
            return Markup.Of($"<tr><td>{w.Start:yyyy-MM-dd}</td><td>{stat.Count}</td><td>{Charts.Minutes(stat.Median!.Value)}</td><td>{Charts.Minutes(stat.P90!.Value)}</td></tr>");
        }).ToList();
        return rows.Count == 0
            ? Markup.Of($"<p class=\"muted\">No incident in the window has a time to {measure}.</p>")
            : Markup.Of($"""
                <details><summary>The numbers</summary><div class="table-wrap"><table data-measure="{measure}">
                <thead><tr><th scope="col">Week of</th><th scope="col">Incidents</th><th scope="col">Median</th><th scope="col">90th percentile</th></tr></thead>
                <tbody>{Markup.Join(rows)}</tbody></table></div></details>
                """);
    }
}
