using System.Globalization;
using System.Text.RegularExpressions;

namespace IncidentBot.Core.Commands;

/// <summary>
/// A moment in the past as people write it: a UTC clock time (<c>14:05</c>, the last one that has passed), a time
/// ago (<c>2h ago</c>, <c>90 min ago</c>, <c>1h30m ago</c>) or an ISO 8601 date and time with its offset. Parsing
/// needs no clock; <see cref="Resolve"/> turns it into an instant against the current time.
/// </summary>
public abstract partial record PastTime
{
    public abstract DateTimeOffset Resolve(DateTimeOffset now);

    public static bool TryParse(string? text, out PastTime when)
    {
        when = null!;
        var trimmed = (text ?? "").Trim();
        if (TimeOnly.TryParseExact(trimmed, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            when = new ClockTime(time);
        }
        else if (Ago().Match(trimmed) is { Success: true } ago && AgoSpan(ago) is { } span)
        {
            when = new Before(span);
        }
        else if (trimmed.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            && HasOffset().IsMatch(trimmed))
        {
            when = new Exactly(at);
        }

        return when is not null;
    }

    private static TimeSpan? AgoSpan(Match ago)
    {
        var hours = ago.Groups["h"].Success ? int.Parse(ago.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = ago.Groups["m"].Success ? int.Parse(ago.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var span = TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes);
        return span > TimeSpan.Zero && span <= TimeSpan.FromDays(31) ? span : null;
    }

    /// <summary><c>14:05</c>: today at that time (UTC), or yesterday when today's has not come yet.</summary>
    public sealed record ClockTime(TimeOnly Time) : PastTime
    {
        public override DateTimeOffset Resolve(DateTimeOffset now)
        {
            var today = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(Time), TimeSpan.Zero);
            return today > now ? today.AddDays(-1) : today;
        }
    }

    public sealed record Before(TimeSpan Span) : PastTime
    {
        public override DateTimeOffset Resolve(DateTimeOffset now) => now - Span;
    }

    public sealed record Exactly(DateTimeOffset At) : PastTime
    {
        public override DateTimeOffset Resolve(DateTimeOffset now) => At;
    }

    [GeneratedRegex(@"^(?:(?<h>\d{1,3})\s*(?:h|hr|hrs|hour|hours))?\s*(?:(?<m>\d{1,4})\s*(?:m|min|mins|minute|minutes))?\s+ago$", RegexOptions.IgnoreCase)]
    private static partial Regex Ago();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
