using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Slack;

/// <summary>
/// Finds a message that was posted but whose answer never came back (a timeout, a reset connection, a crash before the
/// outcome was recorded), so a retry records it instead of posting it again. Every message the bot posts carries
/// Slack message metadata naming it: a thread root <c>incident_opened</c> with the incident's id (finding it keeps a
/// retry from opening a second thread, whose replies would be lost), any other post <c>incidentbot_post</c> with its
/// outbox key (finding it keeps a reply, a stakeholder update or a page from showing twice).
/// </summary>
internal sealed partial class SlackPostedMessages(SlackApiClient api, SlackWorkspace workspace, ILogger<SlackPostedMessages> logger)
{
    /// <summary>The metadata event type of every post but a thread root.</summary>
    public const string PostEvent = "incidentbot_post";

    /// <summary>Where a root, a channel post or a DM is looked for: the channel's history, newest first.</summary>
    public const string History = "conversations.history";

    /// <summary>Where a thread message is looked for: the thread, oldest first.</summary>
    public const string Replies = "conversations.replies";

    /// <summary>A root goes out within seconds of the declaration; a margin covers clocks that disagree.</summary>
    private static readonly TimeSpan RootMargin = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A post goes out after it was queued, never before, so only clocks that disagree (by seconds, with NTP) need a
    /// margin. It is kept short because a thread is listed oldest first: every reply written in the margin is read
    /// before the post, and a storm's thread has hundreds a minute.
    /// </summary>
    private static readonly TimeSpan PostMargin = TimeSpan.FromMinutes(1);

    /// <summary>Slack's own page size limit is 999, and Slack may return fewer than asked for.</summary>
    private const int PageSize = 200;

    /// <summary>A busy thread has a few hundred messages in the window; past this many pages, posting again is the lesser harm.</summary>
    private const int MaxPages = 10;

    /// <summary>The incident's thread root in <paramref name="channel"/>, if it was posted.</summary>
    public Task<Lookup> FindRoot(Incident incident, string channel, CancellationToken ct) =>
        Find(
            History,
            Window(channel, incident.DeclaredAt - RootMargin),
            metadata => Is(metadata, SlackChatPlatform.IncidentOpenedEvent, "incident_id", incident.Id),
            incident.Id,
            ct);

    /// <summary>
    /// The post queued as <paramref name="messageKey"/> at <paramref name="queuedAt"/>, if it was posted: among the
    /// replies of <paramref name="threadTs"/> (<c>conversations.replies</c>) or, without one, in the channel.
    /// </summary>
    public Task<Lookup> FindPost(string channel, string? threadTs, DateTimeOffset queuedAt, string messageKey, CancellationToken ct)
    {
        var window = Window(channel, queuedAt - PostMargin);
        if (threadTs is not null)
        {
            window["ts"] = threadTs;
        }

        return Find(
            MethodFor(threadTs),
            window,
            metadata => Is(metadata, PostEvent, "message_key", messageKey),
            messageKey,
            ct);
    }

    /// <summary>The method <see cref="FindPost"/> calls for a post in <paramref name="threadTs"/> (or in no thread).</summary>
    public static string MethodFor(string? threadTs) => threadTs is null ? History : Replies;

    /// <summary>What a post carries so <see cref="FindPost"/> can find it.</summary>
    public static JsonObject PostMetadata(string messageKey) => new()
    {
        ["event_type"] = PostEvent,
        ["event_payload"] = new JsonObject { ["message_key"] = messageKey },
    };

    private static Dictionary<string, string> Window(string channel, DateTimeOffset oldest) => new()
    {
        ["channel"] = channel,
        ["oldest"] = oldest.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ".000000",
        ["limit"] = PageSize.ToString(CultureInfo.InvariantCulture),
        ["include_all_metadata"] = "true",
    };

    private async Task<Lookup> Find(string method, Dictionary<string, string> window, Func<JsonElement, bool> matches, string what, CancellationToken ct)
    {
        string? ours = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await api.Call(method, window, ct);
            switch (result)
            {
                case SlackApiResult.Success found:
                    ours ??= (await workspace.Identity(ct))?.AppId;
                    if (Match(found.Body, matches, ours) is { } ts)
                    {
                        return new Lookup(ts, null);
                    }

                    if (NextCursor(found.Body) is not { } cursor)
                    {
                        return new Lookup(null, null);
                    }

                    window["cursor"] = cursor;
                    break;
                case SlackApiResult.Permanent refused:
                    // Without the history scopes the bot cannot look; posting again is the lesser harm.
                    LogCannotLook(what, method, refused.Error);
                    return new Lookup(null, null);
                default:
                    return new Lookup(null, result);
            }
        }

        LogGaveUpLooking(what, method, MaxPages);
        return new Lookup(null, null);
    }

    /// <summary>Another app's bot (another IncidentBot installation) may key its posts the same way: only our app's count.</summary>
    private static string? Match(JsonElement body, Func<JsonElement, bool> matches, string? ourAppId)
    {
        if (!body.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var message in messages.EnumerateArray())
        {
            if (ourAppId is not null && message.TryGetProperty("app_id", out var app) && app.GetString() != ourAppId)
            {
                continue;
            }

            if (message.TryGetProperty("metadata", out var metadata) && matches(metadata) && message.TryGetProperty("ts", out var ts))
            {
                return ts.GetString();
            }
        }

        return null;
    }

    private static bool Is(JsonElement metadata, string eventType, string property, string value) =>
        metadata.TryGetProperty("event_type", out var type) && type.GetString() == eventType
        && metadata.TryGetProperty("event_payload", out var payload) && payload.ValueKind == JsonValueKind.Object
        && payload.TryGetProperty(property, out var found) && found.ValueKind == JsonValueKind.String && found.GetString() == value;

    private static string? NextCursor(JsonElement body) =>
        body.TryGetProperty("response_metadata", out var metadata) && metadata.TryGetProperty("next_cursor", out var cursor)
        && cursor.GetString() is { Length: > 0 } next
            ? next
            : null;

    /// <summary><paramref name="Ts"/> when found; <paramref name="Unanswered"/> when Slack was down or rate-limited the look-up.</summary>
    internal sealed record Lookup(string? Ts, SlackApiResult? Unanswered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What}: could not look for an earlier post ({Method}: {Error}); posting it again. Grant channels:history, groups:history and im:history so a retry never posts twice.")]
    private partial void LogCannotLook(string what, string method, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What}: not found in the first {Pages} pages of its window ({Method}); posting it again.")]
    private partial void LogGaveUpLooking(string what, string method, int pages);
}
