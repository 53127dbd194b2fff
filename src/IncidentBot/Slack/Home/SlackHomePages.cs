using System.Text.Json.Nodes;
using IncidentBot.Core.Home;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack.Home;

/// <summary>
/// A person's Home tab as it is now, built when its <c>views.publish</c> is sent rather than when it was queued: a
/// publish delayed by a Slack outage, or retried, shows the current state, never an older one.
/// </summary>
internal sealed class SlackHomePages(HomeViews views, SlackPermalinks permalinks, IOptions<SlackOptions> options)
{
    public async Task<JsonObject> Render(string handle, CancellationToken ct)
    {
        var view = await views.For(SlackChatPlatform.PlatformName, handle, ct);
        var links = new Dictionary<long, string>();
        foreach (var incident in view.OpenIncidents.Take(SlackHomeTab.MaxIncidents))
        {
            if (incident.Thread is { Platform: SlackChatPlatform.PlatformName, Id: { } ts } thread
                && await permalinks.Of(thread.Channel, ts, ct) is { } link)
            {
                links[incident.Number] = link;
            }
        }

        return SlackHomeTab.Render(view, links, options.Value.Command);
    }
}
