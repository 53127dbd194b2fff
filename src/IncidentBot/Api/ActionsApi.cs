using IncidentBot.Core.Actions;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Api;

internal static class ActionsApi
{
    /// <summary><c>GET /api/actions</c> (<c>?open=true</c>: only those not done), oldest first, across incidents.</summary>
    public static void MapActionsApi(this WebApplication app)
    {
        app.MapGet("/api/actions", async (string? open, IActionStore actions, CancellationToken ct) =>
        {
            if (open is not (null or "true" or "false"))
            {
                return Results.Problem($"open must be true or false, was '{open}'.", statusCode: StatusCodes.Status400BadRequest);
            }

            var list = await actions.List(openOnly: open == "true", ct);
            return Results.Ok(list.Select(ActionJson.From));
        }).AddEndpointFilter<ApiAccess>();
    }
}

/// <summary>A follow-up action as the API shows it: camelCase, ids as people write them (<c>A-3</c>, <c>INC-7</c>).</summary>
internal sealed record ActionJson(
    string Id,
    string Incident,
    string Text,
    string? Owner,
    DateOnly? Due,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    bool Done,
    DateTimeOffset? DoneAt,
    string? DoneBy)
{
    public static ActionJson From(FollowUpAction a) =>
        new(a.Id, IncidentId.Format(a.IncidentNumber), a.Text, a.Owner, a.Due, a.CreatedBy, a.CreatedAt, a.IsDone, a.DoneAt, a.DoneBy);
}
