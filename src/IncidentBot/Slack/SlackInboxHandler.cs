using System.Globalization;
using System.Text;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Replies;
using IncidentBot.Delivery;
using IncidentBot.Slack.Home;

namespace IncidentBot.Slack;

/// <summary>Turns stored Slack requests into core calls: commands, thread replies and their edits, deletions and pins.</summary>
internal sealed partial class SlackInboxHandler(
    IncidentCommands commands,
    IncidentButtons buttons,
    FormSubmissions forms,
    ThreadReplies replies,
    SlackSurfaces surfaces,
    ILogger<SlackInboxHandler> logger) : IInboxHandler
{
    public const string Command = "command";
    public const string Event = "event";
    public const string Interaction = "interaction";

    private const string FormContentType = "application/x-www-form-urlencoded";

    public string Platform => SlackChatPlatform.PlatformName;

    /// <summary>
    /// A burst of new replies in one thread (the run's first requests, up to anything else) goes onto the timeline in
    /// one write; the rest of the run is handled one by one.
    /// </summary>
    public async Task<int> HandleTogether(IReadOnlyList<InboxItem> run, CancellationToken ct)
    {
        var burst = run.Select(item => Read(item) is SlackEventCallback callback && SlackEventReader.Read(callback) is SlackReplyPosted reply ? reply : null)
            .TakeWhile(reply => reply is not null)
            .Select(reply => new ThreadMessage(Platform, reply!.Channel, reply.ThreadTs, reply.Ts, reply.Actor, reply.Text, reply.At))
            .ToList();
        if (burst.Count < 2)
        {
            return 0;
        }

        await replies.RecordAll(burst, ct);
        return burst.Count;
    }

    public Task Handle(InboxItem item, CancellationToken ct)
    {
        var request = Read(item);
        var requestKey = "slack:" + item.Id.ToString(CultureInfo.InvariantCulture);
        switch (request)
        {
            case SlackSlashCommand command:
                return commands.Run(SlackCommandContexts.Of(command, requestKey), SlackText.Decode(command.Text), ct);
            case SlackEventCallback callback:
                return HandleEvent(SlackEventReader.Read(callback), requestKey, ct);
            case SlackInteraction interaction when SlackSurfaceRequest.Read(interaction.Payload) is { } surface:
                return surfaces.Handle(surface, requestKey, ct);
            case SlackInteraction interaction when SlackButtonPress.Read(interaction.Payload) is { } press:
                var user = SlackIds.Mention(press.User);
                var pressContext = new CommandContext(
                    Platform, requestKey, press.Channel, ThreadId: null, user,
                    new SlackReplyTarget(press.ResponseUrl, press.InView ? null : press.Channel, user, null, press.TriggerId).Serialize());
                return buttons.Press(pressContext, press.Action, press.Value, ct);
            case SlackInteraction interaction when SlackModals.ReadSubmission(interaction.Payload) is { } submission:
                var submitter = SlackIds.Mention(SlackButtonPress.UserOf(interaction.Payload) ?? "");
                var formContext = new CommandContext(Platform, requestKey, "", ThreadId: null, submitter, new SlackReplyTarget(null, null, submitter, null).Serialize());
                return forms.Submit(formContext, submission.FormId, submission.State, submission.Values, ct);
            default:
                LogSkipped(item.Id, request.GetType().Name);
                return Task.CompletedTask;
        }
    }

    private static SlackRequest Read(InboxItem item) =>
        SlackInbound.Parse(item.Kind == Event ? "application/json" : FormContentType, Encoding.UTF8.GetBytes(item.Body));

    /// <summary>
    /// Whether <see cref="Handle"/> would do anything with this event or interaction, decided without the database: the
    /// endpoint stores only those (Slack still gets its 200 for the rest). Keep it in step with <see cref="Handle"/>.
    /// </summary>
    public static bool HasWork(SlackRequest request) => request switch
    {
        SlackEventCallback callback => SlackEventReader.Read(callback) is not SlackIgnored,
        SlackInteraction interaction => SlackSurfaceRequest.Read(interaction.Payload) is not null
            || SlackButtonPress.Read(interaction.Payload) is not null || SlackModals.ReadSubmission(interaction.Payload) is not null,
        _ => true,
    };

    private Task HandleEvent(SlackThreadEvent threadEvent, string requestKey, CancellationToken ct)
    {
        switch (threadEvent)
        {
            case SlackReplyPosted reply:
                return replies.Record(new ThreadMessage(Platform, reply.Channel, reply.ThreadTs, reply.Ts, reply.Actor, reply.Text, reply.At), ct);
            case SlackReplyEdited edit:
                return replies.Edit(Platform, edit.Channel, edit.ThreadTs, edit.Ts, edit.Text, edit.EditedAt, ct);
            case SlackReplyDeleted deletion:
                return replies.Delete(Platform, deletion.Channel, deletion.ThreadTs, deletion.Ts, ct);
            case SlackReactionChanged pin:
                return replies.MarkKeyByMessage(Platform, pin.Channel, pin.Ts, pin.Added, ct);
            case SlackHomeOpened opened:
                return surfaces.Opened(opened.User, requestKey, ct);
            case SlackMention mention:
                return commands.Run(SlackCommandContexts.Of(mention, requestKey), mention.CommandText, ct);
            default:
                return Task.CompletedTask;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox item {Id}: nothing to do for this Slack {Kind}")]
    private partial void LogSkipped(long id, string kind);
}
