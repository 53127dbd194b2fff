using System.Globalization;
using System.Text;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Registry;
using IncidentBot.Delivery;
using IncidentBot.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentBot.Teams;

/// <summary>
/// <c>POST /api/messages</c>, the Bot Framework messaging endpoint. Checks the Connector's token, stores the activity
/// in the inbox and answers at once; an <c>Action.Execute</c> invoke gets its answer in the response body, as Teams
/// requires, while the work itself goes through the inbox like everything else.
/// </summary>
internal static partial class TeamsEndpoint
{
    public const string Path = "/api/messages";

    /// <summary>Activities are a few kilobytes; a card submission with long inputs stays far below this.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public const string WorkingOnIt = "Working on it ...";

    public static void MapTeams(this WebApplication app)
    {
        if (TeamsOptions.Read(app.Configuration).IsEnabled)
        {
            app.MapPost(Path, Receive);
        }
    }

    private static async Task<IResult> Receive(
        HttpRequest request,
        IOptions<TeamsOptions> options,
        IServiceProvider services,
        Inbox inbox,
        InboxSignal signal,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var body = await RequestBody.Read(request, MaxBodyBytes, ct);
        if (body is null)
        {
            return Results.Text($"Request body over {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (TeamsActivity.Parse(body) is not { } activity)
        {
            return Results.Text("Not a Bot Framework activity.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!options.Value.AllowUnauthenticated)
        {
            var check = await services.GetRequiredService<BotFrameworkTokenValidator>().Check(request.Headers.Authorization.ToString(), activity, ct);
            if (check != TokenCheck.Valid)
            {
                LogRejected(loggers.CreateLogger(typeof(TeamsEndpoint)), check);
                return Results.Text($"Bot Framework token check failed: {check}.", statusCode: check == TokenCheck.NotEndorsed ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);
            }
        }

        // A valid token proves the Bot Connector sent it, not that it comes from our organisation.
        if (!string.IsNullOrWhiteSpace(options.Value.TenantId) && !string.Equals(activity.TenantId, options.Value.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            LogForeignTenant(loggers.CreateLogger(typeof(TeamsEndpoint)), activity.TenantId ?? "(none)");
            return Results.Text($"Refused: the activity is from tenant '{activity.TenantId ?? "(none)"}', not this bot's (Teams:TenantId).", statusCode: StatusCodes.Status403Forbidden);
        }

        var isExecute = activity.Type == "invoke" && activity.Name == TeamsActivityReader.ExecuteInvoke;
        if (activity.Type == "invoke" && !isExecute)
        {
            // Invokes this bot does not declare in its manifest (sign-in, message extensions): say so, store nothing.
            // A 4xx, not the 501 some SDKs send: the request is the caller's mistake, not a fault of this bot.
            return Results.Text($"This bot does not handle the invoke '{activity.Name ?? "(none)"}'.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!isExecute && await AnsweredAtReceipt(activity, services, ct))
        {
            return Results.Ok();
        }

        if (await inbox.TryAdd(TeamsChatPlatform.PlatformName, TeamsInboxHandler.Activity, Encoding.UTF8.GetString(body), DedupeKeys(activity), ct) is not null)
        {
            signal.Notify();
        }

        return isExecute
            ? Results.Json(new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = WorkingOnIt })
            : Results.Ok();
    }

    /// <summary>
    /// A command that is only help, usage or a parse error needs nothing stored: it is answered now (through the
    /// outbox, like every Teams answer, keyed by the activity so a redelivery answers once) and not kept in the inbox.
    /// </summary>
    private static async Task<bool> AnsweredAtReceipt(TeamsActivity activity, IServiceProvider services, CancellationToken ct)
    {
        var receivedAt = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (activity.Id is not { Length: > 0 } id || TeamsActivityReader.Read(activity, receivedAt) is not [TeamsCommand command])
        {
            return false;
        }

        var context = TeamsCommandContexts.Of(command.From, $"teams:activity:{id}", services.GetRequiredService<Roster>(), command.Channel, command.ThreadId);
        if (!await services.GetRequiredService<IncidentCommands>().AnswerIfFinal(context, command.Text, ct))
        {
            return false;
        }

        await services.GetRequiredService<TeamsReferences>().Remember(command.From, command.Channel, ct);
        return true;
    }

    /// <summary>
    /// The activity id, which the Connector repeats when it redelivers. An edit or deletion carries the id of the message
    /// it changes, so its key adds the type and time: each edit counts once, and none is mistaken for the message.
    /// </summary>
    public static IReadOnlyList<string> DedupeKeys(TeamsActivity activity) => activity switch
    {
        { Id: null or "" } => [],
        { Type: "messageUpdate" or "messageDelete" } => [$"teams:activity:{activity.Id}:{activity.Type}:{activity.Timestamp?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}"],
        _ => [$"teams:activity:{activity.Id}"],
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity at /api/messages from tenant {Tenant}, not Teams:TenantId")]
    private static partial void LogForeignTenant(ILogger logger, string tenant);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an activity at /api/messages: token {Check}")]
    private static partial void LogRejected(ILogger logger, TokenCheck check);
}
