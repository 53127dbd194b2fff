namespace IncidentBot.Registry;

/// <summary>Every message names the file and the setting, so whoever reads the log knows which file to fix.</summary>
internal sealed partial class RegistryFile
{
    [LoggerMessage(Level = LogLevel.Information, Message = "No registry file at {Path} (Registry:Path): paging is off")]
    private static partial void LogNoFile(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry loaded: {People} people, {Areas} areas from {Path}")]
    private static partial void LogLoaded(ILogger logger, int people, int areas, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry reloaded: {People} people, {Areas} areas from {Path}")]
    private static partial void LogReloaded(ILogger logger, int people, int areas, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry file {Path} (Registry:Path) was not reloaded, the last good registry stays in force: {Errors}")]
    private static partial void LogRejected(ILogger logger, string path, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry file {Path} (Registry:Path) is gone; the last good registry stays in force ({People} people, {Areas} areas)")]
    private static partial void LogGone(ILogger logger, string path, int people, int areas);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry file {Path} (Registry:Path) could not be read, the last good registry stays in force: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching registry file {Path} failed ({Reason}); reading it again now")]
    private static partial void LogWatchError(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading registry file {Path} failed; the last good registry stays in force")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The folder of registry file {Path} (Registry:Path) does not exist: the file is not watched, restart the bot after creating it")]
    private static partial void LogNotWatched(ILogger logger, string path);
}
