using System.Globalization;
using System.Text.RegularExpressions;

namespace IncidentBot.Tests.Telemetry;

/// <summary>Reads sample values out of a Prometheus text-format scrape.</summary>
internal static partial class PrometheusText
{
    /// <summary>The value of <paramref name="metric"/> on the series with <paramref name="label"/> (<c>destination="slack"</c>); null when absent.</summary>
    public static double? Value(string scrape, string metric, string label)
    {
        foreach (Match match in Sample().Matches(scrape))
        {
            if (match.Groups["name"].Value == metric && match.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            {
                return double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>[^}]*)\} (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
