namespace IncidentBot.Core.Paging;

/// <summary>How long a page waits for an acknowledgement before the next level is paged.</summary>
public sealed record PagingPolicy(TimeSpan AckTimeout);

/// <summary>The levels of an escalation, in order: the area's primary owners, its secondary owners, the deciders.</summary>
public enum PageLevel
{
    Primary = 0,
    Secondary = 1,
    Deciders = 2,
}
