namespace IncidentBot.Teams;

/// <summary>What an inbound activity means to the bot, as <see cref="TeamsActivityReader"/> read it.</summary>
internal abstract record TeamsInput;

/// <summary>
/// Where to answer the sender: the conversation the activity came from, and how to reach it. Kept in
/// <c>CommandContext.ReplyTo</c>.
/// </summary>
internal sealed record TeamsReference(string ServiceUrl, string Conversation, string? TenantId, string User, string? UserName, string? AadObjectId);

/// <summary>
/// A command: text for the bot in a personal chat, or mentioning it in a channel or group chat. <see cref="Channel"/>
/// is the channel (or chat) id without the reply-chain suffix; <see cref="ThreadId"/> the reply chain's conversation
/// id when given inside one (not as its root).
/// </summary>
internal sealed record TeamsCommand(TeamsReference From, string Channel, string? ThreadId, string Text) : TeamsInput;

/// <summary>A message in a channel reply chain (the bot reads them with the RSC permission): a timeline candidate.</summary>
internal sealed record TeamsThreadReply(TeamsReference From, string Channel, string ThreadId, string MessageId, string Text, DateTimeOffset At) : TeamsInput;

internal sealed record TeamsReplyEdited(string Channel, string ThreadId, string MessageId, string Text, DateTimeOffset EditedAt) : TeamsInput;

internal sealed record TeamsReplyDeleted(string Channel, string ThreadId, string MessageId) : TeamsInput;

/// <summary>A card button: <c>Action.Execute</c> (an invoke) or <c>Action.Submit</c> (a message with a value).</summary>
internal sealed record TeamsCardAction(TeamsReference From, string Action, string Value) : TeamsInput;

/// <summary>A submitted form card: its id, the state it carried and the inputs by id.</summary>
internal sealed record TeamsFormSubmit(TeamsReference From, string FormId, string State, IReadOnlyDictionary<string, string?> Values) : TeamsInput;

internal sealed record TeamsIgnored(string Reason) : TeamsInput;
