using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// <c>apps.connections.open</c> with the app-level token, through <c>Slack:ApiBaseUrl</c>: a fresh, single-use
/// WebSocket URL for every connection. Neither the token nor the URL (its ticket is a credential) is ever logged.
/// </summary>
internal sealed class SocketModeUrls(HttpClient http, IOptions<SlackOptions> options) : ISocketModeUrls
{
    private readonly SlackApiClient api = Authorized(http, options.Value);

    public async Task<SocketUrl> Open(CancellationToken ct) => await api.Call("apps.connections.open", ct) switch
    {
        SlackApiResult.Success ok when Uri.TryCreate(ok.Body.StringProperty("url"), UriKind.Absolute, out var url) && IsSecure(url) =>
            new SocketUrl.Opened(url),
        SlackApiResult.Success => new SocketUrl.Refused("apps.connections.open answered without a wss url"),
        SlackApiResult.RateLimited limited => new SocketUrl.RateLimited(limited.RetryAfter),
        SlackApiResult.Transient transient => new SocketUrl.Refused(transient.Error),
        SlackApiResult.Permanent permanent => new SocketUrl.Refused(permanent.Error),
        _ => new SocketUrl.Refused("unexpected answer"),
    };

    /// <summary>The URL's ticket is a credential: wss, or plain ws only to a loopback address (a fake Slack in tests).</summary>
    private static bool IsSecure(Uri url) => url.Scheme == Uri.UriSchemeWss || (url.Scheme == Uri.UriSchemeWs && url.IsLoopback);

    private static SlackApiClient Authorized(HttpClient http, SlackOptions slack)
    {
        http.BaseAddress = slack.ApiBase;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", slack.AppToken);
        return new SlackApiClient(http);
    }
}

/// <summary>Where the next Socket Mode connection comes from; a seam so the reconnect policy can be tested on a fake clock.</summary>
internal interface ISocketModeUrls
{
    Task<SocketUrl> Open(CancellationToken ct);
}

internal abstract record SocketUrl
{
    public sealed record Opened(Uri Url) : SocketUrl;

    public sealed record RateLimited(TimeSpan RetryAfter) : SocketUrl;

    /// <summary><see cref="Error"/> is Slack's error code (<c>invalid_auth</c>, <c>http_503</c>), never a secret.</summary>
    public sealed record Refused(string Error) : SocketUrl;
}
