using IncidentBot.Delivery;

namespace IncidentBot.Persistence;

/// <summary>
/// Answers 503 with Retry-After while the database cannot be reached, instead of 500: Slack and the Bot Connector
/// send the request again later, and nothing was stored, so nothing is lost or done twice. Likewise while more
/// requests wait to be stored than can be stored in time (<see cref="InboxFullException"/>): shedding them now beats
/// acknowledging them after Slack has given up.
/// </summary>
internal sealed partial class DatabaseUnavailable(RequestDelegate next, ILogger<DatabaseUnavailable> logger)
{
    public const string RetryAfterSeconds = "5";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (DatabaseFaults.IsTransient(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogUnavailable(logger, context.Request.Path, e.GetType().Name);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            await context.Response.WriteAsync("The database is unavailable; nothing was stored. Send the request again shortly.");
        }
        catch (InboxFullException e) when (!context.Response.HasStarted)
        {
            LogShed(logger, context.Request.Path, e.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = InboxFullException.RetryAfterSeconds;
            await context.Response.WriteAsync("IncidentBot has more requests than it can store in time; nothing was stored. Send this one again in a second.");
        }
    }

    /// <summary>Puts the middleware first in the pipeline, whatever Program.cs maps after it.</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<DatabaseUnavailable>();
            next(app);
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} answered 503: the database is unreachable ({Type})")]
    private static partial void LogUnavailable(ILogger logger, PathString path, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} answered 503: {Why}")]
    private static partial void LogShed(ILogger logger, PathString path, string why);
}
