using System.Text.Json.Nodes;
using IncidentBot.Core.Home;
using IncidentBot.Delivery;

namespace IncidentBot.Slack.Home;

/// <summary>
/// Queues a person's Home tab for <c>views.publish</c> through the outbox, like every Slack send, so a refresh is
/// retried through a Slack outage and never lost. One ordering key per person keeps their publishes in order.
/// </summary>
internal sealed class SlackHomeTabs(Outbox outbox, OutboxSignal signal) : IHomeTabs
{
    public string Platform => SlackChatPlatform.PlatformName;

    public async Task Refresh(string handle, string reason, CancellationToken ct)
    {
        // Only people have a Home tab: a declarer such as an alert source is not one.
        if (!handle.StartsWith("<@", StringComparison.Ordinal) || !handle.EndsWith('>'))
        {
            return;
        }

        var payload = new SlackOutboxPayload(new JsonObject(), User: handle).Serialize();
        var draft = new OutboxDraft(Platform, $"slack:home:{handle}:{reason}", $"slack:home:{handle}", SlackOutboxPayload.PublishHome, payload, null);
        if (await outbox.Enqueue(draft, ct))
        {
            signal.Notify(Platform);
        }
    }
}
