namespace IncidentBot.Persistence;

/// <summary>
/// Answers 503 with Retry-After while the database cannot be reached, instead of 500: Slack and the Bot Connector
/// send the request again later, and nothing was stored, so nothing is lost or done twice.
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
}
