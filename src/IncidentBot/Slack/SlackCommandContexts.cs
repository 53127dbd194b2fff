using IncidentBot.Core.Chat;

namespace IncidentBot.Slack;

/// <summary>Who sent a Slack command and how to answer them, the same whether it is answered at receipt or from the inbox.</summary>
internal static class SlackCommandContexts
{
    public static CommandContext Of(SlackSlashCommand command, string requestKey) => new(
        SlackChatPlatform.PlatformName, requestKey, command.ChannelId, ThreadId: null, SlackIds.Mention(command.UserId),
        new SlackReplyTarget(command.ResponseUrl, command.ChannelId, SlackIds.Mention(command.UserId), null).Serialize(),
        SlackIds.IsPrivateChannel(command.ChannelId, command.ChannelName));

    public static CommandContext Of(SlackMention mention, string requestKey) => new(
        SlackChatPlatform.PlatformName, requestKey, mention.Channel, mention.ThreadTs, mention.User,
        new SlackReplyTarget(null, mention.Channel, mention.User, mention.ThreadTs).Serialize(),
        mention.PrivateChannel);
}
