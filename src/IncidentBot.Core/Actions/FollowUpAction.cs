namespace IncidentBot.Core.Actions;

/// <summary>
/// A follow-up action agreed during or after an incident: what, who owns it (a mention or a registry id), by when.
/// It outlives the incident: most are done weeks after the postmortem.
/// </summary>
public sealed record FollowUpAction(
    long Number,
    long IncidentNumber,
    string Text,
    string? Owner,
    DateOnly? Due,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DoneAt = null,
    string? DoneBy = null)
{
    public string Id => ActionId.Format(Number);

    public bool IsDone => DoneAt is not null;

    /// <summary>Open and past its due date (the due day itself still counts as on time), in UTC.</summary>
    public bool IsOverdue(DateTimeOffset now) => !IsDone && Due is { } due && DateOnly.FromDateTime(now.UtcDateTime) > due;

    /// <summary>Who is reminded: the owner, else whoever recorded it.</summary>
    public string Assignee => Owner ?? CreatedBy;
}

/// <summary>
/// What the store needs to record an action. <see cref="RequestKey"/> is the command's, so processing the same request
/// twice (after a crash) records one action.
/// </summary>
public sealed record NewAction(
    string RequestKey,
    long IncidentNumber,
    string Text,
    string? Owner,
    DateOnly? Due,
    string CreatedBy,
    DateTimeOffset CreatedAt);
