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
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "IncidentBot did not start, its configuration is invalid: {Failures}")]
    private static partial void LogInvalid(ILogger logger, IEnumerable<string> failures);
}
