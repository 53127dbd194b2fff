using System.Globalization;
using System.Text;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Replies;
using IncidentBot.Delivery;

namespace IncidentBot.Teams;

/// <summary>Turns stored activities into core calls: commands, reply-chain messages and their edits, card buttons and forms.</summary>
internal sealed partial class TeamsInboxHandler(
    IncidentCommands commands,
    IncidentButtons buttons,
    FormSubmissions forms,
    ThreadReplies replies,
    TeamsReferences references,
    Roster roster,
    ILogger<TeamsInboxHandler> logger) : IInboxHandler
{
    public const string Activity = "activity";

    public string Platform => TeamsChatPlatform.PlatformName;

    public async Task Handle(InboxItem item, CancellationToken ct)
    {
        if (TeamsActivity.Parse(Encoding.UTF8.GetBytes(item.Body)) is not { } activity)
        {
            LogSkipped(item.Id, "not an activity");
            return;
        }

        var requestKey = "teams:" + item.Id.ToString(CultureInfo.InvariantCulture);
        foreach (var input in TeamsActivityReader.Read(activity, item.ReceivedAt))
        {
            await Handle(input, requestKey, ct);
        }
    }

    private async Task Handle(TeamsInput input, string requestKey, CancellationToken ct)
    {
        switch (input)
        {
            case TeamsCommand command:
                await references.Remember(command.From, command.Channel, ct);
                await commands.Run(Context(command.From, requestKey, command.Channel, command.ThreadId), command.Text, ct);
                break;
            case TeamsThreadReply reply:
                await references.Remember(reply.From, reply.Channel, ct);
                await replies.Record(new ThreadMessage(Platform, reply.Channel, reply.ThreadId, reply.MessageId, User(reply.From), reply.Text, reply.At), ct);
                break;
            case TeamsReplyEdited edit:
                await replies.Edit(Platform, edit.Channel, edit.ThreadId, edit.MessageId, edit.Text, edit.EditedAt, ct);
                break;
            case TeamsReplyDeleted deletion:
                await replies.Delete(Platform, deletion.Channel, deletion.ThreadId, deletion.MessageId, ct);
                break;
            case TeamsCardAction press:
                await buttons.Press(Context(press.From, requestKey), press.Action, press.Value, ct);
                break;
            case TeamsFormSubmit submit:
                await forms.Submit(Context(submit.From, requestKey), submit.FormId, submit.State, submit.Values, ct);
                break;
            case TeamsIgnored ignored:
                LogSkipped(0, ignored.Reason);
                break;
        }
    }

    private CommandContext Context(TeamsReference from, string requestKey, string? channel = null, string? threadId = null) =>
        TeamsCommandContexts.Of(from, requestKey, roster, channel, threadId);

    private string User(TeamsReference from) => TeamsCommandContexts.User(from, roster);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox item {Id}: nothing to do ({Reason})")]
    private partial void LogSkipped(long id, string reason);
}
