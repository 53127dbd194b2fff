namespace IncidentBot.Slack;

/// <summary>
/// The inbox ordering key of a Slack request: the thread it belongs to, so the replies, edits and deletions of one
/// thread are processed one at a time in the order Slack sent them, whichever instance received them. Requests
/// outside a thread (commands, buttons, forms) have none and are taken as soon as any worker is free.
/// </summary>
internal static class SlackOrdering
{
    public static string? Key(SlackRequest request) => request is SlackEventCallback callback
        ? SlackEventReader.Read(callback) switch
        {
            SlackReplyPosted reply => Thread(reply.Channel, reply.ThreadTs),
            SlackReplyEdited edit => Thread(edit.Channel, edit.ThreadTs),
            SlackReplyDeleted deletion => Thread(deletion.Channel, deletion.ThreadTs),
            SlackMention { ThreadTs: { } thread } mention => Thread(mention.Channel, thread),
            _ => null,
        }
        : null;

    private static string Thread(string channel, string threadTs) => $"slack:thread:{channel}:{threadTs}";
}
