using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using IncidentBot.Core.Incidents;
using IncidentBot.Delivery;
using IncidentBot.Slack.Home;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>
/// Sends queued Slack messages through the Web API: paced per channel, and holding back a method Slack rate-limited
/// until its Retry-After has passed. A root message's ts is the incident's thread (recorded by the outbox with the result).
/// </summary>
internal sealed class SlackDeliverer(
    SlackApiClient api,
    IIncidentStore incidents,
    SlackPostedMessages posted,
    IOptions<DeliveryOptions> deliveryOptions,
    TimeProvider clock,
    SlackHomePages homePages) : IOutboxDeliverer
{
    /// <summary>Methods called before a post: when one fails, the attempt ends without having posted anything.</summary>
    private static readonly HashSet<string> PostsNothing = [SlackPostedMessages.History, SlackPostedMessages.Replies, "conversations.open"];

    private readonly Dictionary<string, DateTimeOffset> lastPostPerChannel = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> methodPausedUntil = new();

    public string Platform => SlackChatPlatform.PlatformName;

    public async Task<DeliveryOutcome> Deliver(OutboxMessage message, CancellationToken ct)
    {
        var payload = SlackOutboxPayload.Deserialize(message.Payload);
        return message.Kind switch
        {
            SlackOutboxPayload.PostRoot => await PostRoot(message, payload, ct),
            SlackOutboxPayload.PostInThread => await PostInThread(message, payload, ct),
            SlackOutboxPayload.PostChannel => await PostToChannel(message, payload, ct),
            SlackOutboxPayload.Respond => await Respond(payload, ct),
            SlackOutboxPayload.Ephemeral => await PostEphemeral(payload, ct),
            SlackOutboxPayload.DirectMessage => await PostDirect(message, payload, ct),
            SlackOutboxPayload.PublishHome => await Call("views.publish", channel: null, await HomeOf(payload.User!, ct), ct),
            _ => new DeliveryOutcome.Failed($"unknown Slack outbox kind '{message.Kind}'"),
        };
    }

    private async Task<DeliveryOutcome> PostRoot(OutboxMessage message, SlackOutboxPayload payload, CancellationToken ct)
    {
        var incident = await FindIncident(message, ct);
        if (incident.Thread.Id is { } alreadyOpen)
        {
            // Posted and recorded before a crash kept it from being marked sent: do not open a second thread.
            return new DeliveryOutcome.Sent(alreadyOpen, OpensThread: true);
        }

        if (message.MaybeSent
            && await EarlierPost(SlackPostedMessages.History, () => posted.FindRoot(incident, payload.Channel!, ct), opensThread: true) is { } earlier)
        {
            return earlier;
        }

        var args = (JsonObject)payload.Message.DeepClone();
        args["channel"] = payload.Channel;
        var outcome = await Call("chat.postMessage", payload.Channel!, args, ct);
        return outcome is DeliveryOutcome.Sent { Result: { } ts } ? new DeliveryOutcome.Sent(ts, OpensThread: true) : outcome;
    }

    private async Task<DeliveryOutcome> PostInThread(OutboxMessage message, SlackOutboxPayload payload, CancellationToken ct)
    {
        var incident = await FindIncident(message, ct);
        if (incident.Thread.Id is not { } threadTs)
        {
            // The root is queued ahead of this message in the same order, so it either failed for good or was lost.
            return new DeliveryOutcome.Failed($"{incident.Id} has no Slack thread: its root message was never posted");
        }

        return await PostOnce(message, payload, payload.Channel!, threadTs, ct);
    }

    private Task<DeliveryOutcome> PostToChannel(OutboxMessage message, SlackOutboxPayload payload, CancellationToken ct) =>
        PostOnce(message, payload, payload.Channel!, threadTs: null, ct);

    private async Task<DeliveryOutcome> PostEphemeral(SlackOutboxPayload payload, CancellationToken ct)
    {
        var args = (JsonObject)payload.Message.DeepClone();
        args["channel"] = payload.Channel;
        args["user"] = SlackIds.UserId(payload.User!);
        if (payload.ThreadTs is { } thread)
        {
            args["thread_ts"] = thread;
        }

        return await Call("chat.postEphemeral", channel: null, args, ct);
    }

    private async Task<DeliveryOutcome> PostDirect(OutboxMessage message, SlackOutboxPayload payload, CancellationToken ct)
    {
        var open = await api.Call("conversations.open", new JsonObject { ["users"] = SlackIds.UserId(payload.User!) }, ct);
        if (open is not SlackApiResult.Success opened)
        {
            return ToDelivery(open, "conversations.open", ts: null);
        }

        var channel = opened.Body.GetProperty("channel").GetProperty("id").GetString()!;
        return await PostOnce(message, payload, channel, threadTs: null, ct);
    }

    /// <summary>
    /// Posts a message tagged with its outbox key. When an earlier attempt may have been posted (a crash or a lost
    /// answer kept it from being marked sent), looks for the tag before posting again.
    /// </summary>
    private async Task<DeliveryOutcome> PostOnce(OutboxMessage message, SlackOutboxPayload payload, string channel, string? threadTs, CancellationToken ct)
    {
        if (message.MaybeSent
            && await EarlierPost(
                SlackPostedMessages.MethodFor(threadTs), () => posted.FindPost(channel, threadTs, message.CreatedAt, message.MessageKey, ct), opensThread: false) is { } earlier)
        {
            return earlier;
        }

        var args = (JsonObject)payload.Message.DeepClone();
        args["channel"] = channel;
        args["metadata"] = SlackPostedMessages.PostMetadata(message.MessageKey);
        if (threadTs is not null)
        {
            args["thread_ts"] = threadTs;
        }

        return await Call("chat.postMessage", channel, args, ct);
    }

    private async Task<JsonObject> HomeOf(string user, CancellationToken ct) =>
        new() { ["user_id"] = SlackIds.UserId(user), ["view"] = await homePages.Render(user, ct) };

    private async Task<DeliveryOutcome> Respond(SlackOutboxPayload payload, CancellationToken ct)
    {
        // The client refuses hosts other than Slack's own (and the configured API host), so this cannot be an SSRF.
        if (!Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out var url))
        {
            return new DeliveryOutcome.Failed("response_url is not an absolute URL");
        }

        var body = (JsonObject)payload.Message.DeepClone();
        body["response_type"] = "ephemeral";
        body["replace_original"] = false;
        return ToDelivery(await api.PostToResponseUrl(url, body, ct), "response_url", ts: null);
    }

    /// <summary>
    /// For a message an earlier attempt may have posted (its outcome unknown), looks for it with <paramref name="method"/>
    /// before posting again: the post found, as sent; a retry when the look-up could not be made; null to post.
    /// </summary>
    private async Task<DeliveryOutcome?> EarlierPost(string method, Func<Task<SlackPostedMessages.Lookup>> find, bool opensThread)
    {
        if (Paused(method) is { } paused)
        {
            return paused;
        }

        var lookup = await find();
        if (lookup.Unanswered is { } unanswered)
        {
            return ToDelivery(unanswered, method, ts: null);
        }

        return lookup.Ts is { } found ? new DeliveryOutcome.Sent(found, opensThread) : null;
    }

    /// <summary>A retry for after the Retry-After Slack gave the method, while it lasts: nothing is called until then.</summary>
    private DeliveryOutcome.Retry? Paused(string method)
    {
        var now = clock.GetUtcNow();
        return methodPausedUntil.TryGetValue(method, out var until) && until > now
            ? new DeliveryOutcome.Retry($"{method} rate-limited", until - now, NotSent: true)
            : null;
    }

    private async Task<DeliveryOutcome> Call(string method, string? channel, JsonObject args, CancellationToken ct)
    {
        if (Paused(method) is { } paused)
        {
            return paused;
        }

        if (channel is not null)
        {
            await Pace(channel, ct);
        }

        var result = await api.Call(method, args, ct);
        var ts = result is SlackApiResult.Success ok && ok.Body.TryGetProperty("ts", out var t) ? t.GetString() : null;
        return ToDelivery(result, method, ts);
    }

    /// <summary>
    /// Waits for this channel's next free slot. Slots are handed out under a lock, as several messages to one
    /// channel (different threads) can be sent at once.
    /// </summary>
    private async Task Pace(string channel, CancellationToken ct)
    {
        var pace = deliveryOptions.Value.ChannelPace;
        DateTimeOffset slot;
        lock (lastPostPerChannel)
        {
            var now = clock.GetUtcNow();
            slot = lastPostPerChannel.TryGetValue(channel, out var last) && last + pace > now ? last + pace : now;
            lastPostPerChannel[channel] = slot;
        }

        if (slot > clock.GetUtcNow())
        {
            await Task.Delay(slot - clock.GetUtcNow(), clock, ct);
        }
    }

    private DeliveryOutcome ToDelivery(SlackApiResult result, string method, string? ts)
    {
        switch (result)
        {
            case SlackApiResult.Success:
                return new DeliveryOutcome.Sent(ts);
            case SlackApiResult.RateLimited limited:
                methodPausedUntil[method] = clock.GetUtcNow() + limited.RetryAfter;
                return new DeliveryOutcome.Retry($"{method} rate-limited", limited.RetryAfter, NotSent: true);
            case SlackApiResult.Transient transient:
                return new DeliveryOutcome.Retry($"{method}: {transient.Error}", NotSent: PostsNothing.Contains(method));
            case SlackApiResult.Permanent permanent:
                return new DeliveryOutcome.Failed($"{method}: {permanent.Error}");
            default:
                return new DeliveryOutcome.Retry($"{method}: unexpected result", NotSent: PostsNothing.Contains(method));
        }
    }

    private async Task<Incident> FindIncident(OutboxMessage message, CancellationToken ct) =>
        await incidents.Find(message.IncidentNumber ?? 0, ct)
        ?? throw new InvalidOperationException($"outbox message {message.MessageKey} names no known incident");
}
