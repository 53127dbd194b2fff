using IncidentBot.Core.Chat;
using IncidentBot.Core.Registry;

namespace IncidentBot.Teams;

/// <summary>Who sent a Teams activity and how to answer them, the same whether answered at receipt or from the inbox.</summary>
internal static class TeamsCommandContexts
{
    public static CommandContext Of(TeamsReference from, string requestKey, Roster roster, string? channel = null, string? threadId = null)
    {
        var conversation = from.Conversation;
        var chain = TeamsConversationIds.RootMessageId(conversation) is null ? null : conversation;
        return new CommandContext(
            TeamsChatPlatform.PlatformName, requestKey, channel ?? TeamsConversationIds.Base(conversation), threadId ?? chain, User(from, roster), TeamsReplyTarget.Serialize(from));
    }

    /// <summary>
    /// The sender as a handle. Registries may name people by their Entra object id (stable across apps) rather than
    /// the app-specific <c>29:</c> id; whichever the registry uses is the handle, so the core recognises the person.
    /// </summary>
    public static string User(TeamsReference from, Roster roster) =>
        from.AadObjectId is { } aad && roster.Registry.FindPerson($"<@{aad}>") is not null ? $"<@{aad}>" : $"<@{from.User}>";
}
