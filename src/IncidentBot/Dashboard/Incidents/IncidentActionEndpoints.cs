using IncidentBot.Core.Actions;
using IncidentBot.Core.Authorization;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Postmortem;
using IncidentBot.Dashboard.Access;

namespace IncidentBot.Dashboard.Incidents;

/// <summary>
/// What the dashboard can change, each through the use case chat uses and the same <c>Authorization:&lt;Act&gt;</c>
/// rule, with the signed-in person as the timeline entry's actor. A refusal changes nothing and says why.
/// </summary>
internal static class IncidentActionEndpoints
{
    public static void MapIncidentActions(this RouteGroupBuilder ui)
    {
        ui.MapPost("/incidents/{id}/notes", AddNote);
        ui.MapPost("/actions/{actionId}/done", MarkDone);
    }

    private static async Task<IResult> AddNote(
        HttpContext http, string id, IIncidentStore store, DashboardPermissions permissions, Notes notes, UserMentions mentions, CancellationToken ct)
    {
        var (form, refusal) = await Forms.Read(http);
        if (form is null)
        {
            return refusal!;
        }

        return await IncidentEndpoints.WithVisibleIncident(http, id, store, permissions, async incident =>
        {
            var text = form["text"].ToString().Trim();
            if (text.Length is 0 or > 3000)
            {
                return IncidentEndpoints.Problem(http, StatusCodes.Status400BadRequest, "A note needs between 1 and 3000 characters. Nothing was recorded.");
            }

            var user = DashboardUser.From(http.User);
            if (await permissions.Refusal(user, Acts.Note, incident, ct) is { } why)
            {
                return IncidentEndpoints.Problem(http, StatusCodes.Status403Forbidden, why + " Nothing was recorded.");
            }

            var context = permissions.ContextOf(user, incident, "note:" + Guid.NewGuid().ToString("N"));
            await notes.AddNote(incident, await mentions.Neutralise(context, text, ct), context.User, context.RequestKey, ct);
            return Results.Redirect($"/ui/incidents/{incident.Number}?saved=note#timeline");
        }, ct);
    }

    private static async Task<IResult> MarkDone(
        HttpContext http, string actionId, IActionStore actions, IIncidentStore store, DashboardPermissions permissions, FollowUpActions followUps, CancellationToken ct)
    {
        var (form, refusal) = await Forms.Read(http);
        if (form is null)
        {
            return refusal!;
        }

        if (!ActionId.TryParse(actionId, out var number) || await actions.Find(number, ct) is not { } action)
        {
            return IncidentEndpoints.Problem(http, StatusCodes.Status404NotFound, $"There is no action '{actionId}'.");
        }

        return await IncidentEndpoints.WithVisibleIncident(http, action.IncidentNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), store, permissions, async incident =>
        {
            var user = DashboardUser.From(http.User);
            if (await permissions.Refusal(user, Acts.Done, incident, ct) is { } why)
            {
                return IncidentEndpoints.Problem(http, StatusCodes.Status403Forbidden, why + " Nothing was changed.");
            }

            var answer = await followUps.Done(number, permissions.ContextOf(user, incident, "done:" + action.Id), ct);
            return answer.StartsWith($"{action.Id} is done", StringComparison.Ordinal)
                ? Results.Redirect($"/ui/incidents/{incident.Number}?saved=done#actions")
                : IncidentEndpoints.Problem(http, StatusCodes.Status409Conflict, answer);
        }, ct);
    }
}
