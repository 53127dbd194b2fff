using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Status;
using Microsoft.Extensions.Options;

namespace IncidentBot.Status;

/// <summary>
/// Posts every status update to the stakeholder channels on the incident's own chat platform, so leadership, support
/// and marketing hear it without following the thread: <c>Notify:Channels</c>, or for a private incident only
/// <c>Notify:PrivateChannels</c>. Internal channels, so they get the internal title and unpublished incidents too.
/// </summary>
internal sealed class StakeholderChannels(ChatPlatforms platforms, IOptions<NotifyOptions> options) : IStatusPublisher
{
    public bool IsPublic => false;

    public async Task Publish(Incident incident, StatusUpdate update, CancellationToken ct)
    {
        var channels = incident.IsPrivate ? options.Value.PrivateChannels : options.Value.Channels;
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
