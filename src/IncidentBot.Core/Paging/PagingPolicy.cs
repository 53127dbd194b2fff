namespace IncidentBot.Core.Paging;

/// <summary>How long a page waits for an acknowledgement before the next level is paged.</summary>
public sealed record PagingPolicy(TimeSpan AckTimeout);
