using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Home;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Replies;

namespace IncidentBot.Slack.Home;

/// <summary>
/// The Home tab, the shortcuts and the forms they open, turned into core calls. Answers go to the person by direct
/// message: none of these has a channel to answer in.
/// </summary>
internal sealed class SlackSurfaces(
    HomeRefresh home,
    DeclareForm declareForm,
    AddToTimeline timeline,
    PeopleCommands people,
    Permissions permissions,
    ChatPlatforms platforms,
    SlackPermalinks permalinks)
{
    private const string Platform = SlackChatPlatform.PlatformName;

    public Task Opened(string user, string requestKey, CancellationToken ct) => home.Person(Platform, user, $"opened:{requestKey}", ct);

    public Task Handle(SlackSurfaceRequest request, string requestKey, CancellationToken ct)
    {
        var context = new CommandContext(
            Platform, requestKey, "", ThreadId: null, request.User, new SlackReplyTarget(null, null, request.User, null, request.TriggerId).Serialize());
        return request switch
        {
            SlackOpenDeclare => OpenDeclare(context, ct),
            SlackSetAway away => SetAway(context, away.Away, ct),
            SlackQuote quote => timeline.Offer(context, quote.Message, ct),
            SlackSurfaceSubmission { FormId: DeclareForm.Id } submission => declareForm.Submit(context, submission.Values, ct),
            SlackSurfaceSubmission submission => AddQuote(context, submission, ct),
            _ => Task.CompletedTask,
        };
    }

    private async Task OpenDeclare(CommandContext context, CancellationToken ct)
    {
        var platform = platforms[Platform];
        if (!await platform.OpenForm(context, declareForm.Form(Platform), ct))
        {
            await Answer(context, $"The form could not be opened in time. Declare with '{platform.CommandPrefix} <what is broken>' instead.", ct);
        }
    }

    private async Task SetAway(CommandContext context, bool away, CancellationToken ct)
    {
        if (await permissions.Refuses(context, Acts.OutOfOffice, null, ct))
        {
            return;
        }

        await Answer(context, away ? await people.OutOfOffice(context, until: null, ct) : await people.Back(context, ct), ct);
    }

    /// <summary>The link is asked for now, not when the form opened: Slack's trigger id would not wait for it.</summary>
    private async Task AddQuote(CommandContext context, SlackSurfaceSubmission submission, CancellationToken ct)
    {
        if (QuotedMessage.Parse(submission.State) is not { } quoted)
        {
            await Answer(context, "That form does not say which message to add; nothing was added.", ct);
            return;
        }

        var link = await permalinks.Of(quoted.Channel, quoted.MessageId, ct);
        await timeline.Submit(context, quoted with { Link = link }, submission.Values, ct);
    }

    private Task Answer(CommandContext context, string text, CancellationToken ct) =>
        platforms[Platform].Answer(context, new ChatMessage($"{context.RequestKey}:answer", text, Private: true), ct);
}
