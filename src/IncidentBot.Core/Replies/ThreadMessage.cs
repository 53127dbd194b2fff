namespace IncidentBot.Core.Replies;

/// <summary>
/// A reply seen in some thread. <see cref="Actor"/> is a person or, for other apps (deploy bots, alerting), the app.
/// Adapters leave out the bot's own posts: its actions are timeline entries of their own kinds already.
/// </summary>
public sealed record ThreadMessage(
    string Platform,
    string Channel,
    string ThreadId,
    string MessageId,
    string Actor,
    string Text,
    DateTimeOffset At);
