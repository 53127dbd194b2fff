using System.Text.Json;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Replies;

namespace IncidentBot.Slack.Home;

/// <summary>
/// What arrives from the bot's own surfaces rather than from an incident message: its shortcuts, the buttons of the
/// Home tab, and the forms they open. Null from <see cref="Read"/> for everything else (incident buttons and forms).
/// </summary>
internal abstract record SlackSurfaceRequest(string User, string? TriggerId)
{
    /// <summary>The global shortcut's callback id, as in the app manifest.</summary>
    public const string DeclareShortcut = "declare_outage";

    /// <summary>The message shortcut's callback id, as in the app manifest.</summary>
    public const string TimelineShortcut = "add_to_timeline";

    public const string DeclareButton = "home-declare";
    public const string AwayButton = "home-ooo";
    public const string BackButton = "home-back";

    public static SlackSurfaceRequest? Read(JsonElement payload)
    {
        if (payload.ObjectProperty("user")?.StringProperty("id") is not { Length: > 0 } userId)
        {
            return null;
        }

        var user = SlackIds.Mention(userId);
        var trigger = payload.StringProperty("trigger_id");
        var callback = payload.StringProperty("callback_id");
        return payload.StringProperty("type") switch
        {
            "shortcut" when callback == DeclareShortcut => new SlackOpenDeclare(user, trigger),
            "message_action" when callback == TimelineShortcut => ReadQuote(payload, user, trigger),
            "block_actions" => ReadHomeButton(payload, user, trigger),
            "view_submission" => ReadSubmission(payload, user, trigger),
            _ => null,
        };
    }

    private static SlackSurfaceRequest? ReadHomeButton(JsonElement payload, string user, string? trigger)
    {
        var action = payload.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array && actions.GetArrayLength() > 0
            ? actions[0].StringProperty("action_id")
            : null;
        return action switch
        {
            DeclareButton => new SlackOpenDeclare(user, trigger),
            AwayButton => new SlackSetAway(user, trigger, Away: true),
            BackButton => new SlackSetAway(user, trigger, Away: false),
            _ => null,
        };
    }

    private static SlackQuote? ReadQuote(JsonElement payload, string user, string? trigger)
    {
        var channel = payload.ObjectProperty("channel")?.StringProperty("id");
        var message = payload.ObjectProperty("message");
        var ts = message?.StringProperty("ts");
        if (channel is null || message is not { } m || !SlackTs.TryParse(ts, out var at))
        {
            return null;
        }

        // Another app's message has no user: its name stands for it, as for app replies in a thread.
        var author = m.StringProperty("user") is { Length: > 0 } id ? SlackIds.Mention(id) : m.StringProperty("username") ?? "an app";
        return new SlackQuote(user, trigger, QuotedMessage.Of(channel, ts, author, at, SlackText.Decode(m.StringProperty("text") ?? "")));
    }

    private static SlackSurfaceSubmission? ReadSubmission(JsonElement payload, string user, string? trigger) =>
        SlackModals.ReadSubmission(payload) is { } submission && submission.FormId is DeclareForm.Id or AddToTimeline.FormId
            ? new SlackSurfaceSubmission(user, trigger, submission.FormId, submission.State, submission.Values)
            : null;
}

/// <summary>The Declare an outage shortcut or Home button: opens the declare form.</summary>
internal sealed record SlackOpenDeclare(string User, string? TriggerId) : SlackSurfaceRequest(User, TriggerId);

/// <summary>The Home tab's Out of office or Back button.</summary>
internal sealed record SlackSetAway(string User, string? TriggerId, bool Away) : SlackSurfaceRequest(User, TriggerId);

/// <summary>The Add to incident timeline message shortcut, with the message it was used on.</summary>
internal sealed record SlackQuote(string User, string? TriggerId, QuotedMessage Message) : SlackSurfaceRequest(User, TriggerId);

/// <summary>A submitted declare or add-to-timeline form.</summary>
internal sealed record SlackSurfaceSubmission(string User, string? TriggerId, string FormId, string State, Dictionary<string, string?> Values)
    : SlackSurfaceRequest(User, TriggerId);
