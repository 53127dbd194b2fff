namespace IncidentBot.Core.Timeline;

/// <summary>
/// One line of an incident's history. <see cref="SourceId"/> is the platform's id for the message it came from
/// (a Slack ts, a Teams activity id) or a key of the bot's own, and is unique within the incident: appending the
/// same entry twice records it once. <see cref="Key"/> marks a key event (a pinned reply), which the postmortem's
/// timeline leads with.
/// </summary>
public sealed record TimelineEntry(
    DateTimeOffset At,
    string Kind,
    string Actor,
    string Text,
    string SourceId,
    bool Deleted = false,
    DateTimeOffset? EditedAt = null,
    bool Key = false);
