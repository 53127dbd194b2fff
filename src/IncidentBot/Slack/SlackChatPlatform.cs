using System.Text.Json.Nodes;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Delivery;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>The core's chat port on Slack: renders messages to Block Kit and queues them in the outbox.</summary>
internal sealed class SlackChatPlatform(Outbox outbox, OutboxSignal signal, OutboxHandOff handOff, SlackApiClient api, IOptions<SlackOptions> options) : IChatPlatform
{
    public const string PlatformName = "slack";

    /// <summary>The metadata event type of an incident thread's root message.</summary>
    public const string IncidentOpenedEvent = "incident_opened";

    public string Name => PlatformName;

    public string CommandPrefix => options.Value.Command;

    public string IncidentChannelFor(string commandChannel) => options.Value.IncidentChannel ?? commandChannel;

    /// <summary>
    /// The root carries Slack message metadata naming the incident (<c>incident_opened</c>), so the root can be found
    /// in the channel's history (<c>conversations.history</c> with <c>include_all_metadata</c>) by the bot or any tool.
    /// </summary>
    public Task OpenThread(Incident incident, ChatMessage root, CancellationToken ct)
    {
        var rendered = SlackMessages.Render(root);
        rendered["metadata"] = new JsonObject
        {
            ["event_type"] = IncidentOpenedEvent,
            ["event_payload"] = new JsonObject { ["incident_id"] = incident.Id, ["incident_number"] = incident.Number },
        };
        return Queue(root.Key, ThreadOrder(incident), SlackOutboxPayload.PostRoot, new(rendered, Channel: incident.Thread.Channel), incident.Number, ct);
    }

    public Task PostInThread(Incident incident, ChatMessage message, CancellationToken ct) =>
        Queue(message.Key, ThreadOrder(incident), SlackOutboxPayload.PostInThread, new(SlackMessages.Render(message), Channel: incident.Thread.Channel), incident.Number, ct);

    // Ordered per channel: the stakeholders read the updates of all incidents there in the order they were made.
    public Task PostToChannel(string channel, ChatMessage message, CancellationToken ct) =>
        Queue(message.Key, $"slack:channel:{channel}", SlackOutboxPayload.PostChannel, new(SlackMessages.Render(message), Channel: channel), null, ct);

    public Task Answer(CommandContext context, ChatMessage message, CancellationToken ct)
    {
        var target = SlackReplyTarget.Deserialize(context.ReplyTo);
        var rendered = SlackMessages.Render(message);
        if (target.ResponseUrl is null && target.Channel is null)
        {
            return DirectMessage(target.User, message, ct);
        }

        var payload = target.ResponseUrl is { } url
            ? new SlackOutboxPayload(rendered, ResponseUrl: url)
            : new SlackOutboxPayload(rendered, Channel: target.Channel, User: target.User, ThreadTs: target.ThreadTs);
        var kind = target.ResponseUrl is null ? SlackOutboxPayload.Ephemeral : SlackOutboxPayload.Respond;

        // One request's answers: straight to the sender when it has a free slot (see OutboxHandOff).
        return handOff.Queue(new OutboxDraft(PlatformName, $"slack:{message.Key}", $"slack:answer:{context.RequestKey}", kind, payload.Serialize(), null), ct);
    }

    public string? Handle(Person person) => person.Slack is { Length: > 0 } id ? SlackIds.Mention(id) : null;

    /// <summary>
    /// Called at once rather than queued: Slack's trigger_id expires 3 s after the button press. When it has
    /// expired (the bot was busy), false tells the core to explain the command instead.
    /// </summary>
    public async Task<bool> OpenForm(CommandContext context, ChatForm form, CancellationToken ct)
    {
        if (SlackReplyTarget.Deserialize(context.ReplyTo).TriggerId is not { } trigger)
        {
            return false;
        }

        var result = await api.Call("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = SlackModals.Render(form) }, ct);
        return result is SlackApiResult.Success;
    }

    public Task DirectMessage(string handle, ChatMessage message, CancellationToken ct) =>
        Queue(message.Key, $"slack:dm:{handle}", SlackOutboxPayload.DirectMessage, new(SlackMessages.Render(message), User: handle), null, ct);

    private static string ThreadOrder(Incident incident) => $"slack:{incident.Id}";

    private async Task Queue(string key, string order, string kind, SlackOutboxPayload payload, long? incident, CancellationToken ct)
    {
        if (await outbox.Enqueue(new OutboxDraft(PlatformName, $"slack:{key}", order, kind, payload.Serialize(), incident), ct))
        {
            signal.Notify(PlatformName);
        }
    }
}
