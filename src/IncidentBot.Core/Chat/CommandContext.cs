namespace IncidentBot.Core.Chat;

/// <summary>
/// Who sent a command, from where. <see cref="RequestKey"/> identifies the inbound request (so re-processing it is
/// harmless); <see cref="ReplyTo"/> is opaque to the core: the adapter's own note of how to answer privately.
/// <see cref="ThreadId"/> is set when the command was given inside a thread. <see cref="PrivateChannel"/> is set by
/// the adapter when the channel is private: an incident declared there is private.
/// </summary>
public sealed record CommandContext(
    string Platform,
    string RequestKey,
    string Channel,
    string? ThreadId,
    string User,
    string ReplyTo,
    bool PrivateChannel = false);
