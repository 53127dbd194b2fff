using IncidentBot.Core.Incidents;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Search;
using IncidentBot.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentBot.Api;

internal static partial class IncidentsApi
{
    public static IServiceCollection AddIncidentsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ApiOptions>(configuration, ApiOptions.Section, ApiOptions.Validate);
        services.AddSingleton<ApiAccess>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary>
    /// <c>GET /api/incidents</c> (newest first), <c>GET /api/incidents/{id}</c> with its timeline, and
    /// <c>GET /api/incidents/{id}/postmortem</c>, the postmortem draft in Markdown.
    /// </summary>
    public static void MapIncidentsApi(this WebApplication app)
    {
        LogAccess(app);
        var api = app.MapGroup("/api/incidents").AddEndpointFilter<ApiAccess>();
        api.MapGet("/", async (string? q, IIncidentStore store, IIncidentSearch search, IOptions<ApiOptions> options, CancellationToken ct) =>
            q is null ? Results.Ok((await store.List(openOnly: false, ct)).Select(i => IncidentJson.From(i))) : await Search(q, search, options.Value, ct));
        api.MapGet("/{id}", (string id, IIncidentStore store, IOptions<ApiOptions> options, CancellationToken ct) =>
            WithIncident(id, store, async incident => Results.Ok(IncidentJson.From(
                incident,
                Hidden(incident, options.Value) ? null : await store.Timeline(incident.Number, ct))), ct));
        api.MapGet("/{id}/postmortem", (string id, IIncidentStore store, DraftPostmortem draft, IOptions<ApiOptions> options, CancellationToken ct) =>
            WithIncident(id, store, async incident => Hidden(incident, options.Value)
                ? Results.Problem(PrivateProblem(incident), statusCode: StatusCodes.Status403Forbidden)
                : Results.Text(await draft.Markdown(incident, ct), "text/markdown; charset=utf-8"), ct));
    }

    /// <summary>
    /// <c>?q=&lt;words&gt;</c>: incidents whose title, timeline, root cause or verification mention every word, best match
    /// first; private incidents only with <c>Api:ShowPrivateIncidents</c>, since a match would tell of their timeline.
    /// </summary>
    private static async Task<IResult> Search(string q, IIncidentSearch search, ApiOptions options, CancellationToken ct)
    {
        var words = SearchIncidents.Words(q);
        if (words.Count == 0)
        {
            return Results.Problem("q needs at least one word (letters or digits), as in ?q=database timeout.", statusCode: StatusCodes.Status400BadRequest);
        }

        var found = await search.Search(words, MaxSearchResults, ct);
        return Results.Ok(found.Where(i => !Hidden(i, options)).Select(i => IncidentJson.From(i)));
    }

    private const int MaxSearchResults = 50;

    /// <summary>A private incident's timeline and postmortem: for the people in its channel, in chat, unless the operator opened them.</summary>
    private static bool Hidden(Incident incident, ApiOptions options) => incident.IsPrivate && !options.ShowPrivateIncidents;

    private static string PrivateProblem(Incident incident) =>
        $"{incident.Id} is private: its postmortem is given in chat (postmortem {incident.Id}) to the members of its channel and the deciders. Api:ShowPrivateIncidents=true opens it to the API.";

    private static void LogAccess(WebApplication app)
    {
        // The raw setting: a bad one is reported by validation when the host starts, with the others.
        if (!string.IsNullOrEmpty(app.Configuration[$"{ApiOptions.Section}:Token"]))
        {
            return;
        }

        if (app.Environment.IsDevelopment())
        {
            LogLoopbackOnly(app.Logger);
        }
        else
        {
            LogClosed(app.Logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Api:Token is not set: /api/* answers 401 to every request until it is (Teams' /api/messages is not affected)")]
    private static partial void LogClosed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Api:Token is not set: in Development /api/* answers clients on this machine without a token; anywhere else it would answer 401")]
    private static partial void LogLoopbackOnly(ILogger logger);

    private static async Task<IResult> WithIncident(string id, IIncidentStore store, Func<Incident, Task<IResult>> answer, CancellationToken ct)
    {
        if (!IncidentId.TryParse(id, out var number))
        {
            return Results.Problem($"'{id}' is not an incident id: use INC-<n> or <n>.", statusCode: StatusCodes.Status400BadRequest);
        }

        return await store.Find(number, ct) is { } incident
            ? await answer(incident)
            : Results.Problem($"There is no incident {IncidentId.Format(number)}.", statusCode: StatusCodes.Status404NotFound);
    }
}
