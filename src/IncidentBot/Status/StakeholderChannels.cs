using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Status;
using Microsoft.Extensions.Options;

namespace IncidentBot.Status;

/// <summary>
/// Posts every status update to the stakeholder channels (<c>Notify:Channels</c>) on the incident's own chat
/// platform, so leadership, support and marketing hear it without following the thread.
/// </summary>
internal sealed class StakeholderChannels(ChatPlatforms platforms, IOptions<NotifyOptions> options) : IStatusPublisher
{
    public async Task Publish(Incident incident, StatusUpdate update, CancellationToken ct)
    {
        var channels = options.Value.Channels;
        if (channels.Count == 0)
        {
            return;
        }

        var platform = platforms[incident.Thread.Platform];
        var text = $"{incident.Id} {incident.Title}: {update.StageName} — {update.PublicMessage}";
        foreach (var channel in channels)
        {
            var key = $"{incident.Id}:{update.Key}:{update.Stage}:notify:{channel}";
            await platform.PostToChannel(channel, new ChatMessage(key, text), ct);
        }
    }
}
