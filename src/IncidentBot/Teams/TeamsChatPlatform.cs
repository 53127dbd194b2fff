using System.Text.Json.Nodes;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Delivery;
using Microsoft.Extensions.Options;

namespace IncidentBot.Teams;

/// <summary>The core's chat port on Teams: renders messages to Adaptive Cards and queues them in the outbox.</summary>
internal sealed class TeamsChatPlatform(Outbox outbox, OutboxSignal signal, OutboxHandOff handOff, TeamsNames names, IOptions<TeamsOptions> options) : IChatPlatform
{
    public const string PlatformName = "teams";

    public string Name => PlatformName;

    public string CommandPrefix => "@IncidentBot outage";

    public string IncidentChannelFor(string commandChannel) => options.Value.IncidentChannel ?? commandChannel;

    public async Task OpenThread(Incident incident, ChatMessage root, CancellationToken ct) =>
        await Queue(root.Key, ThreadOrder(incident), TeamsOutboxPayload.CreateConversation, new(await Render(root, ct), Channel: incident.Thread.Channel), incident.Number, ct);

    public async Task PostInThread(Incident incident, ChatMessage message, CancellationToken ct) =>
        await Queue(message.Key, ThreadOrder(incident), TeamsOutboxPayload.PostInThread, new(await Render(message, ct), Channel: incident.Thread.Channel), incident.Number, ct);

    // Ordered per channel: stakeholders read the updates of all incidents there in the order they were made.
    public async Task PostToChannel(string channel, ChatMessage message, CancellationToken ct) =>
        await Queue(message.Key, $"teams:channel:{channel}", TeamsOutboxPayload.PostChannel, new(await Render(message, ct), Channel: channel), null, ct);

    /// <summary>
    /// Into the conversation the command came from; a private answer (a refusal) given in a channel goes to the sender
    /// as a direct message instead, because everyone in the channel would see a reply there.
    /// </summary>
    public async Task Answer(CommandContext context, ChatMessage message, CancellationToken ct)
    {
        var target = TeamsReplyTarget.Deserialize(context.ReplyTo);
        if (message.Private && !target.Conversation.StartsWith("a:", StringComparison.Ordinal))
        {
            await Queue(message.Key, $"teams:dm:<@{target.User}>", TeamsOutboxPayload.DirectMessage, new(await Render(message, ct), ServiceUrl: target.ServiceUrl, User: target.User), null, ct);
            return;
        }

        await Reply(context, message.Key, await Render(message, ct), ct);
    }

    public string? Handle(Person person) => person.Teams is { Length: > 0 } id ? $"<@{id}>" : null;

    /// <summary>
    /// Sends the form as a card into the presser's conversation (Teams has no trigger-bound modals for bots without
    /// task modules); its Action.Submit comes back as a message with the inputs, which runs the same use case.
    /// </summary>
    public async Task<bool> OpenForm(CommandContext context, ChatForm form, CancellationToken ct)
    {
        await Reply(context, $"{context.RequestKey}:form:{form.Id}", TeamsForms.Render(form), ct);
        return true;
    }

    public async Task DirectMessage(string handle, ChatMessage message, CancellationToken ct) =>
        await Queue(message.Key, $"teams:dm:{handle}", TeamsOutboxPayload.DirectMessage, new(await Render(message, ct), User: UserId(handle)), null, ct);

    /// <summary>The Teams user id inside a handle (<c>&lt;@29:abc&gt;</c> → <c>29:abc</c>).</summary>
    public static string UserId(string handle) =>
        handle.StartsWith("<@", StringComparison.Ordinal) && handle.EndsWith('>') ? handle[2..^1] : handle;

    private async Task Reply(CommandContext context, string key, JsonObject activity, CancellationToken ct)
    {
        var target = TeamsReplyTarget.Deserialize(context.ReplyTo);
        var payload = new TeamsOutboxPayload(activity, Conversation: target.Conversation, ServiceUrl: target.ServiceUrl, User: target.User);

        // One request's answers: straight to the sender when it has a free slot (see OutboxHandOff).
        await handOff.Queue(new OutboxDraft(PlatformName, $"teams:{key}", $"teams:answer:{context.RequestKey}", TeamsOutboxPayload.Reply, payload.Serialize(), null), ct);
    }

    private async Task<JsonObject> Render(ChatMessage message, CancellationToken ct) => TeamsCards.Render(message, await names.For(message, ct));

    private static string ThreadOrder(Incident incident) => $"teams:{incident.Id}";

    private async Task Queue(string key, string order, string kind, TeamsOutboxPayload payload, long? incident, CancellationToken ct)
    {
        if (await outbox.Enqueue(new OutboxDraft(PlatformName, $"teams:{key}", order, kind, payload.Serialize(), incident), ct))
        {
            signal.Notify(PlatformName);
        }
    }
}
