using Microsoft.Extensions.Options;

namespace IncidentBot.Hosting;

internal static partial class StartupErrors
{
    /// <summary>Runs the app; a setting that fails validation ends it with the settings named, not a stack trace.</summary>
    public static async Task<int> RunWithConfigurationCheck(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            LogInvalid(app.Logger, e.Failures);
            return 1;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database unreachable at start-up, a port in use: exit non-zero so a supervisor restarts the
            // process (systemd's Restart=on-failure, a container's restart policy) rather than taking it as a clean stop.
            LogFatal(app.Logger, e);
            return 2;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "IncidentBot did not start, its configuration is invalid: {Failures}")]
    private static partial void LogInvalid(ILogger logger, IEnumerable<string> failures);

    [LoggerMessage(Level = LogLevel.Critical, Message = "IncidentBot did not start or stopped on a fatal error")]
    private static partial void LogFatal(ILogger logger, Exception error);
}
