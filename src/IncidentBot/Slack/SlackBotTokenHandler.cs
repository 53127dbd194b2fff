using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>
/// Adds the bot token to Web API calls only. The same client also posts to response_url hooks, which need no token,
/// and a token should never travel further than it must.
/// </summary>
internal sealed class SlackBotTokenHandler(IOptions<SlackOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var slack = options.Value;
        if (request.RequestUri is { } uri && slack.ApiBase.IsBaseOf(uri))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", slack.BotToken);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
