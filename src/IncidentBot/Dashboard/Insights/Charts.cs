using System.Globalization;
using IncidentBot.Core.Insights;
using IncidentBot.Dashboard.Html;

namespace IncidentBot.Dashboard.Insights;

/// <summary>
/// SVG charts drawn on the server: a weekly line chart (median solid, 90th percentile dashed) and horizontal bars. Each
/// point and bar is focusable with its value as its name and <c>title</c>; the numbers are also in a table beside them.
/// </summary>
internal static class Charts
{
    private const int Width = 720;
    private const int Height = 220;
    private const int Left = 56;
    private const int Bottom = 28;
    private const int Top = 12;

    public static Markup WeeklyLines(string id, string measure, IReadOnlyList<WeekInsights> weeks)
    {
        var stats = weeks.Select(w => w.Times[measure]).ToList();
        var max = NiceMinutes(stats.Select(s => s.P90?.TotalMinutes ?? 0).DefaultIfEmpty(0).Max());
        var step = (Width - Left - 10) / (double)Math.Max(weeks.Count - 1, 1);
        double X(int i) => Left + (i * step);
        double Y(double minutes) => Top + ((Height - Top - Bottom) * (1 - (minutes / max)));

        Markup Series(string kind, Func<Stat, TimeSpan?> value)
        {
            var points = weeks.Select((w, i) => (w, i, v: value(stats[i]))).Where(p => p.v is not null).ToList();
            var path = string.Join(" ", points.Select(p => FormattableString.Invariant($"{X(p.i):0.#},{Y(p.v!.Value.TotalMinutes):0.#}")));
            var dots = points.Select(p =>
            {
                var label = $"Week of {p.w.Start:yyyy-MM-dd}: {kind} {Minutes(p.v!.Value)} over {stats[p.i].Count} incident(s)";
                return Markup.Of($"<circle class=\"dot-{kind}\" data-series=\"{kind}\" cx=\"{X(p.i):0.#}\" cy=\"{Y(p.v!.Value.TotalMinutes):0.#}\" r=\"4\" tabindex=\"0\" role=\"img\" aria-label=\"{label}\"><title>{label}</title></circle>");
            });
            return Markup.Of($"<polyline class=\"line-{kind}\" points=\"{path}\"/>{Markup.Join(dots)}");
        }

        var grid = Enumerable.Range(0, 5).Select(i => max * i / 4).Select(m => Markup.Of($"""
            <line class="grid" x1="{Left}" x2="{Width - 10}" y1="{Y(m):0.#}" y2="{Y(m):0.#}"/><text x="{Left - 6}" y="{Y(m) + 4:0.#}" text-anchor="end">{Minutes(TimeSpan.FromMinutes(m))}</text>
            """));
        var labels = weeks.Select((w, i) => (w, i)).Where(p => p.i % 4 == 1 || p.i == weeks.Count - 1).Select(p => Markup.Of($"""
            <text x="{X(p.i):0.#}" y="{Height - 8}" text-anchor="{(p.i == weeks.Count - 1 ? "end" : "middle")}">{p.w.Start:MM-dd}</text>
            """));
        return Markup.Of($"""
            <svg id="{id}" class="chart" viewBox="0 0 {Width} {Height}" role="group" aria-label="Time to {measure} per week: median and 90th percentile" xmlns="http://www.w3.org/2000/svg">
            {Markup.Join(grid)}{Markup.Join(labels)}
            <line class="axis" x1="{Left}" x2="{Width - 10}" y1="{Height - Bottom}" y2="{Height - Bottom}"/>
            {Series("p90", s => s.P90)}{Series("median", s => s.Median)}
            </svg>
            """);
    }

    public static Markup Bars(string id, string caption, IReadOnlyList<(string Key, int Count)> counts)
    {
        const int row = 28;
        var max = Math.Max(1, counts.Select(c => c.Count).DefaultIfEmpty(0).Max());
        var height = Math.Max(1, counts.Count) * row + 8;
        var bars = counts.Select((c, i) =>
        {
            var width = (Width - 200) * c.Count / (double)max;
            var label = $"{c.Key}: {c.Count}";
            return Markup.Of($"""
                <text x="150" y="{(i * row) + 19}" text-anchor="end">{c.Key}</text>
                <rect class="bar" data-key="{c.Key}" x="158" y="{(i * row) + 5}" width="{width:0.#}" height="{row - 10}" tabindex="0" role="img" aria-label="{label}"><title>{label}</title></rect>
                <text x="{164 + width:0.#}" y="{(i * row) + 19}">{c.Count}</text>
                """);
        });
        return Markup.Of($"""
            <svg id="{id}" class="chart" viewBox="0 0 {Width} {height}" role="group" aria-label="{caption}" xmlns="http://www.w3.org/2000/svg">{Markup.Join(bars)}</svg>
            """);
    }

    public static string Minutes(TimeSpan span) => span.TotalMinutes switch
    {
        < 90 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h"),
    };

    /// <summary>A round top for the axis: 10, 15, 30, 60 minutes, then whole hours.</summary>
    private static double NiceMinutes(double minutes) =>
        new[] { 10.0, 15, 30, 60, 120, 240, 480, 960, 1440, 2880, 10080 }.FirstOrDefault(m => m >= minutes, Math.Ceiling(minutes / 1440) * 1440);
}
