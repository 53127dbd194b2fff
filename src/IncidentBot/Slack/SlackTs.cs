using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace IncidentBot.Slack;

/// <summary>
/// Slack message timestamps (<c>1726133700.887259</c>): unix seconds and microseconds. They double as message ids,
/// so they are kept as strings everywhere and converted to time only for the timeline.
/// </summary>
internal static class SlackTs
{
    private const int FractionDigits = 6;

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static DateTimeOffset ToTime(string ts) =>
        TryParse(ts, out var at) ? at : throw new FormatException($"'{ts}' is not a Slack timestamp (seconds.microseconds).");

    public static bool TryParse([NotNullWhen(true)] string? ts, out DateTimeOffset at)
    {
        at = default;
        if (string.IsNullOrEmpty(ts))
        {
            return false;
        }

        var dot = ts.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? ts.AsSpan() : ts.AsSpan(0, dot);
        var fraction = dot < 0 ? ReadOnlySpan<char>.Empty : ts.AsSpan(dot + 1);
        if (!long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > MaxUnixSeconds
            || fraction.Length > FractionDigits)
        {
            return false;
        }

        long micros = 0;
        for (var i = 0; i < FractionDigits; i++)
        {
            var digit = i < fraction.Length ? fraction[i] : '0';
            if (!char.IsAsciiDigit(digit))
            {
                return false;
            }

            micros = (micros * 10) + (digit - '0');
        }

        at = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(micros * TimeSpan.TicksPerMicrosecond);
        return true;
    }
}
