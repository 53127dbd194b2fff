using System.Globalization;
using IncidentBot.Core.Actions;
using IncidentBot.Core.Authorization;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.FollowUps;
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
        ui.MapPost("/incidents/{id}/notes", (HttpContext http, string id, Notes notes, UserMentions mentions, CancellationToken ct) =>
            OnIncident(http, id, Acts.Note, async (form, incident, context) =>
            {
                var text = form["text"].ToString().Trim();
                if (text.Length is 0 or > 3000)
                {
                    return IncidentEndpoints.Problem(http, StatusCodes.Status400BadRequest, "A note needs between 1 and 3000 characters. Nothing was recorded.");
                }

                await notes.AddNote(incident, await mentions.Neutralise(context, text, ct), context.User, context.RequestKey, ct);
                return Results.Redirect($"/ui/incidents/{incident.Number}?saved=note#timeline");
            }, ct));

        ui.MapPost("/incidents/{id}/postmortem", (HttpContext http, string id, EditPostmortem edit, CancellationToken ct) =>
            OnIncident(http, id, Acts.EditPostmortem, async (form, incident, context) =>
            {
                var (changed, answer) = await edit.Run(incident, form["impact"], form["rootCause"], form["resolution"], context.User, context.RequestKey, ct);
                return changed
                    ? Results.Redirect($"/ui/incidents/{incident.Number}?saved=postmortem#h-postmortem")
                    : IncidentEndpoints.Problem(http, StatusCodes.Status400BadRequest, answer);
            }, ct));

        ui.MapPost("/actions/{actionId}/done", (HttpContext http, string actionId, FollowUpActions followUps, CancellationToken ct) =>
            OnAction(http, actionId, Acts.Done, async (_, action, incident, context) =>
            {
                var answer = await followUps.Done(action.Number, context, ct);
                return answer.StartsWith($"{action.Id} is done", StringComparison.Ordinal)
                    ? Results.Redirect($"/ui/incidents/{incident.Number}?saved=done#actions")
                    : IncidentEndpoints.Problem(http, StatusCodes.Status409Conflict, answer);
            }, ct));

        ui.MapPost("/actions/{actionId}/reassign", (HttpContext http, string actionId, FollowUpActions followUps, CancellationToken ct) =>
            OnAction(http, actionId, Acts.Action, async (form, action, incident, context) =>
            {
                var dueText = form["due"].ToString().Trim();
                DateOnly? due = null;
                if (dueText.Length > 0)
                {
                    if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    {
                        return IncidentEndpoints.Problem(http, StatusCodes.Status400BadRequest, $"due must be a date like 2026-12-04, was '{dueText}'. Nothing was changed.");
                    }

                    due = parsed;
                }

                var owner = form["owner"].ToString().Trim() is { Length: > 0 } given ? given : null;
                var (changed, answer) = await followUps.Reassign(action.Number, owner, due, context, ct);
                return changed
                    ? Results.Redirect($"/ui/incidents/{incident.Number}?saved=reassigned#actions")
                    : IncidentEndpoints.Problem(http, StatusCodes.Status400BadRequest, answer);
            }, ct));
    }

    /// <summary>
    /// The shared first steps: a genuine form, an incident the person may see, the act's rule; then <paramref name="run"/>
    /// with the command context whose user is the signed-in person on the incident's platform.
    /// </summary>
    private static async Task<IResult> OnIncident(
        HttpContext http, string id, string act, Func<IFormCollection, Incident, Core.Chat.CommandContext, Task<IResult>> run, CancellationToken ct)
    {
        var (form, refusal) = await Forms.Read(http);
        if (form is null)
        {
            return refusal!;
        }

        var permissions = http.RequestServices.GetRequiredService<DashboardPermissions>();
        var store = http.RequestServices.GetRequiredService<IIncidentStore>();
        return await IncidentEndpoints.WithVisibleIncident(http, id, store, permissions, async incident =>
        {
            var user = DashboardUser.From(http.User);
            return await permissions.Refusal(user, act, incident, ct) is { } why
                ? IncidentEndpoints.Problem(http, StatusCodes.Status403Forbidden, why + " Nothing was changed.")
                : await run(form, incident, permissions.ContextOf(user, incident, $"{act}:{Guid.NewGuid():N}"));
        }, ct);
    }

    private static async Task<IResult> OnAction(
        HttpContext http, string actionId, string act, Func<IFormCollection, FollowUpAction, Incident, Core.Chat.CommandContext, Task<IResult>> run, CancellationToken ct)
    {
        var actions = http.RequestServices.GetRequiredService<IActionStore>();
        if (!ActionId.TryParse(actionId, out var number) || await actions.Find(number, ct) is not { } action)
        {
            return IncidentEndpoints.Problem(http, StatusCodes.Status404NotFound, $"There is no action '{actionId}'.");
        }

        return await OnIncident(http, action.IncidentNumber.ToString(CultureInfo.InvariantCulture), act, (form, incident, context) => run(form, action, incident, context), ct);
    }
}
