using System.Text.Json;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Status;

/// <summary>
/// <c>GET /status.json</c>, camelCase, stages in lower case, updates newest first:
/// <c>{ "status": "operational"|"degraded", "incidents": [ { "id", "title", "stage", "declaredAt", "resolvedAt",
/// "updates": [ { "at", "stage", "message" } ] } ] }</c>.
/// </summary>
internal static class StatusPageJson
{
    public static IResult Result(PublicStatus status) => Results.Json(
        new Page(status.Status, [.. status.Incidents.Select(From)]),
        JsonSerializerOptions.Web);

    private static PageIncident From(PublicIncident i) => new(
        i.Id,
        i.Title,
        Lower(i.Stage),
        i.DeclaredAt,
        i.ResolvedAt,
        [.. i.Updates.Select(u => new PageUpdate(u.At, Lower(u.Stage), u.Message))]);

    private static string Lower(IncidentStatus stage) => stage.ToString().ToLowerInvariant();

    // Records of their own rather than the board's: the JSON shape is a public contract and must not follow renames.
    private sealed record Page(string Status, IReadOnlyList<PageIncident> Incidents);

    private sealed record PageIncident(string Id, string Title, string Stage, DateTimeOffset DeclaredAt, DateTimeOffset? ResolvedAt, IReadOnlyList<PageUpdate> Updates);

    private sealed record PageUpdate(DateTimeOffset At, string Stage, string Message);
}
