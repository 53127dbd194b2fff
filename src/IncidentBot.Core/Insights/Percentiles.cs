namespace IncidentBot.Core.Insights;

/// <summary>
/// The two statistics the insights show. The median is the middle value (the mean of the two middle values for an even
/// count); the 90th percentile is by nearest rank, the smallest value with at least 90% of the values at or below it,
/// so it is always a time that really happened. Both are null for no values.
/// </summary>
public static class Percentiles
{
    public static TimeSpan? Median(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static TimeSpan? NearestRank(IReadOnlyList<TimeSpan> values, int percentile)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
