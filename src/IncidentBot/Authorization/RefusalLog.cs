using IncidentBot.Core.Authorization;

namespace IncidentBot.Authorization;

/// <summary>Refusals in the log: who, what and which incident; never the text they sent, which may hold anything.</summary>
internal sealed partial class RefusalLog(ILogger<RefusalLog> logger) : IRefusalLog
{
    public void Refused(string platform, string user, string act, string? incident, Standing standing) =>
        LogRefused(logger, act, incident ?? "-", platform, user, standing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Act} on {Incident} to {Platform} user {User} ({Standing})")]
    private static partial void LogRefused(ILogger logger, string act, string incident, string platform, string user, Standing standing);
}
