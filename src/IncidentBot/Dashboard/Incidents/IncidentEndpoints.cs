using IncidentBot.Core.Incidents;
using IncidentBot.Core.Postmortem;
using IncidentBot.Dashboard.Access;
using IncidentBot.Dashboard.Html;

namespace IncidentBot.Dashboard.Incidents;

/// <summary>The incident pages: the list, one incident, and its postmortem draft as a Markdown download.</summary>
internal static class IncidentEndpoints
{
    public static void MapIncidentPages(this RouteGroupBuilder ui)
    {
        ui.MapGet("/incidents", IncidentListPage.Render);
        ui.MapGet("/incidents/{id}", (HttpContext http, string id, string? saved, IncidentPage page, IIncidentStore store, DashboardPermissions permissions, CancellationToken ct) =>
            WithVisibleIncident(http, id, store, permissions, incident => page.Render(http, incident, Notice(saved), ct), ct));
        ui.MapGet("/incidents/{id}/postmortem.md", (HttpContext http, string id, IIncidentStore store, DashboardPermissions permissions, DraftPostmortem draft, CancellationToken ct) =>
            WithVisibleIncident(http, id, store, permissions, async incident =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(System.Text.Encoding.UTF8.GetBytes(await draft.Markdown(incident, ct)), "text/markdown; charset=utf-8", $"{incident.Id}-postmortem.md");
            }, ct));
    }

    /// <summary>
    /// Runs <paramref name="answer"/> on the incident named by <paramref name="id"/> when the signed-in person may see it.
    /// A private incident they may not see is answered exactly like one that does not exist, so the page does not
    /// confirm it exists.
    /// </summary>
    public static async Task<IResult> WithVisibleIncident(
        HttpContext http, string id, IIncidentStore store, DashboardPermissions permissions, Func<Incident, Task<IResult>> answer, CancellationToken ct)
    {
        if (!IncidentId.TryParse(id, out var number))
        {
            return Problem(http, StatusCodes.Status400BadRequest, $"'{id}' is not an incident id: use INC-<n> or <n>.");
        }

        return await store.Find(number, ct) is { } incident && await permissions.MaySee(DashboardUser.From(http.User), incident, ct)
            ? await answer(incident)
            : Problem(http, StatusCodes.Status404NotFound, $"There is no incident {IncidentId.Format(number)} that you may see.");
    }

    public static IResult Problem(HttpContext http, int status, string problem) => Layout.Page(
        http,
        "Not possible",
        Markup.Of($"<h1>That did not work</h1><p class=\"error\" role=\"alert\" id=\"problem\">{problem}</p><p><a href=\"/ui/incidents\">Back to the incidents</a></p>"),
        status);

    private static string? Notice(string? saved) => saved switch
    {
        "note" => "Your note is on the timeline.",
        "done" => "The action is marked done, and that is on the timeline.",
        "reassigned" => "The action's owner and due date are changed, and that is on the timeline.",
        "postmortem" => "The postmortem is saved, and that is on the timeline.",
        _ => null,
    };
}
