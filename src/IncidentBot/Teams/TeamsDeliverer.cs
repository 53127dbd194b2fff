using System.Text.Json.Nodes;
using IncidentBot.Core.Incidents;
using IncidentBot.Delivery;
using Microsoft.Extensions.Options;

namespace IncidentBot.Teams;

/// <summary>
/// Sends queued Teams messages through the Bot Connector: a new reply chain for an incident's root (its conversation
/// id becomes the thread id), replies into it, new conversations in stakeholder channels, answers, and 1:1 chats.
/// </summary>
internal sealed class TeamsDeliverer(
    ConnectorClient connector,
    TeamsConversationTargets targets,
    IIncidentStore incidents,
    IOptions<TeamsOptions> options) : IOutboxDeliverer
{
    public string Platform => TeamsChatPlatform.PlatformName;

    public async Task<DeliveryOutcome> Deliver(OutboxMessage message, CancellationToken ct)
    {
        var payload = TeamsOutboxPayload.Deserialize(message.Payload);
        return message.Kind switch
        {
            TeamsOutboxPayload.CreateConversation => await PostRoot(message, payload, ct),
            TeamsOutboxPayload.PostInThread => await PostInThread(message, payload, ct),
            TeamsOutboxPayload.PostChannel => ToDelivery(await NewChannelConversation(payload, ct)),
            TeamsOutboxPayload.Reply => ToDelivery(await connector.Send(payload.ServiceUrl!, payload.Conversation!, payload.Activity, ct)),
            TeamsOutboxPayload.DirectMessage => await PostDirect(payload, ct),
            _ => new DeliveryOutcome.Failed($"unknown Teams outbox kind '{message.Kind}'"),
        };
    }

    private async Task<DeliveryOutcome> PostRoot(OutboxMessage message, TeamsOutboxPayload payload, CancellationToken ct)
    {
        var incident = await FindIncident(message, ct);
        if (incident.Thread.Id is { } alreadyOpen)
        {
            // Posted before a crash kept it from being marked sent: do not open a second reply chain.
            return new DeliveryOutcome.Sent(alreadyOpen, OpensThread: true);
        }

        if (!payload.Channel!.StartsWith("19:", StringComparison.Ordinal))
        {
            return new DeliveryOutcome.Failed($"{incident.Id} was declared outside a channel ({payload.Channel}): set Teams:IncidentChannel to a channel id");
        }

        var result = await NewChannelConversation(payload, ct);
        if (result is ConnectorResult.Success created && ThreadId(payload.Channel, created) is { } threadId)
        {
            return new DeliveryOutcome.Sent(threadId, OpensThread: true);
        }

        return ToDelivery(result);
    }

    private async Task<DeliveryOutcome> PostInThread(OutboxMessage message, TeamsOutboxPayload payload, CancellationToken ct)
    {
        var incident = await FindIncident(message, ct);
        if (incident.Thread.Id is not { } threadId)
        {
            // The root is queued ahead of this message in the same order, so it either failed for good or was lost.
            return new DeliveryOutcome.Failed($"{incident.Id} has no Teams reply chain: its root message was never posted");
        }

        var target = await targets.ForChannel(payload.Channel!, ct);
        return ToDelivery(await connector.Send(target.ServiceUrl, threadId, payload.Activity, ct));
    }

    private async Task<ConnectorResult> NewChannelConversation(TeamsOutboxPayload payload, CancellationToken ct)
    {
        var target = await targets.ForChannel(payload.Channel!, ct);
        var parameters = new JsonObject
        {
            ["isGroup"] = true,
            ["channelData"] = new JsonObject { ["channel"] = new JsonObject { ["id"] = payload.Channel }, ["tenant"] = Tenant(target.TenantId) },
            ["activity"] = payload.Activity.DeepClone(),
            ["tenantId"] = target.TenantId,
        };
        return await connector.CreateConversation(target.ServiceUrl, parameters, ct);
    }

    /// <summary>Creates (or finds again: Teams returns the same id) the 1:1 chat with the person, then sends into it.</summary>
    private async Task<DeliveryOutcome> PostDirect(TeamsOutboxPayload payload, CancellationToken ct)
    {
        var target = await targets.ForUser(payload.User!, ct);
        var parameters = new JsonObject
        {
            ["isGroup"] = false,
            ["members"] = new JsonArray(new JsonObject { ["id"] = target.UserId }),
            ["channelData"] = new JsonObject { ["tenant"] = Tenant(target.TenantId) },
            ["tenantId"] = target.TenantId,
        };
        if (options.Value.BotId is { } bot)
        {
            parameters["bot"] = new JsonObject { ["id"] = bot };
        }

        var created = await connector.CreateConversation(target.ServiceUrl, parameters, ct);
        if (created is not ConnectorResult.Success { Body: var body } || !body.TryGetProperty("id", out var id) || id.GetString() is not { } conversation)
        {
            return created is ConnectorResult.Success ? new DeliveryOutcome.Retry("create conversation: no id in the response") : ToDelivery(created);
        }

        return ToDelivery(await connector.Send(target.ServiceUrl, conversation, payload.Activity, ct));
    }

    /// <summary>The reply chain's conversation id: as returned, or built from the root activity id when it is not.</summary>
    private static string? ThreadId(string channel, ConnectorResult.Success created)
    {
        var body = created.Body;
        var id = body.TryGetProperty("id", out var i) ? i.GetString() : null;
        if (id is not null && TeamsConversationIds.RootMessageId(id) is not null)
        {
            return id;
        }

        return body.TryGetProperty("activityId", out var a) && a.GetString() is { Length: > 0 } root ? TeamsConversationIds.Threaded(id ?? channel, root) : id;
    }

    private static JsonObject? Tenant(string? tenantId) => tenantId is null ? null : new JsonObject { ["id"] = tenantId };

    private static DeliveryOutcome ToDelivery(ConnectorResult result) => result switch
    {
        ConnectorResult.Success ok => new DeliveryOutcome.Sent(ok.Body.TryGetProperty("id", out var id) ? id.ToString() : null),
        ConnectorResult.RateLimited limited => new DeliveryOutcome.Retry("connector rate-limited (429)", limited.RetryAfter),
        ConnectorResult.Transient transient => new DeliveryOutcome.Retry($"connector: {transient.Error}"),
        ConnectorResult.Permanent permanent => new DeliveryOutcome.Failed($"connector: {permanent.Error}"),
        _ => new DeliveryOutcome.Retry("connector: unexpected result"),
    };

    private async Task<Incident> FindIncident(OutboxMessage message, CancellationToken ct) =>
        await incidents.Find(message.IncidentNumber ?? 0, ct)
        ?? throw new InvalidOperationException($"outbox message {message.MessageKey} names no known incident");
}
