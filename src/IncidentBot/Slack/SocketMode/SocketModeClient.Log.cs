namespace IncidentBot.Slack.SocketMode;

/// <summary>What the Socket Mode client tells the log. Never a token or a connection URL (its ticket is a credential).</summary>
internal sealed partial class SocketModeClient
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode: connection {Number} is up (hello received)")]
    private partial void LogHello(int number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode: Slack will close connection {Number} ({Reason})")]
    private partial void LogDisconnect(int number, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack Socket Mode is turned off for this app (link_disabled): turn it on under Settings > Socket Mode, or set Slack:SigningSecret and use the HTTP manifest")]
    private partial void LogLinkDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode: connection {Number} closed {Reason}")]
    private partial void LogClosed(int number, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode: connection {Number} dropped ({Error})")]
    private partial void LogDropped(int number, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode: connection {Number} could not be opened ({Error})")]
    private partial void LogConnectFailed(int number, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode: connection {Number} did not say hello in time; giving it up")]
    private partial void LogNoHello(int number);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack Socket Mode: apps.connections.open failed ({Error}); check Slack:AppToken (an xapp- token with connections:write) and that Socket Mode is on")]
    private partial void LogRefused(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode: apps.connections.open is rate-limited; next attempt in {RetryAfter}")]
    private partial void LogRateLimited(TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode: {Why}; next connection in {Delay}")]
    private partial void LogWaiting(string why, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode: connection {Number} sent something unexpected ({Reason}); ignored")]
    private partial void LogUnknown(int number, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack Socket Mode: {Type} envelope {EnvelopeId} could not be stored ({Error}); not acknowledged, so Slack delivers it again")]
    private partial void LogNotStored(string type, string envelopeId, string error);
}
