using System.Globalization;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;
using IncidentBot.Dashboard.Html;

namespace IncidentBot.Dashboard.Incidents;

/// <summary>
/// The timeline as an SVG drawn on the server: a time axis, one lane per group of kinds (<see cref="TimelineLanes"/>),
/// a mark per entry. Each mark is focusable and carries its entry as a <c>title</c> (hover) and an accessible name
/// (keyboard and screen readers); key events are larger and outlined. The list below the picture has the same entries.
/// </summary>
internal static class TimelinePicture
{
    private const int Width = 960;
    private const int Left = 170;
    private const int Right = 20;
    private const int Top = 10;
    private const int LaneHeight = 36;
    private const int AxisHeight = 40;

    public static Markup Render(Incident incident, IReadOnlyList<TimelineEntry> timeline, DateTimeOffset now)
    {
        var live = timeline.Where(e => !e.Deleted).OrderBy(e => e.At).ToList();
        var start = live.Count > 0 ? live.Min(e => e.At) : incident.DeclaredAt;
        var end = incident.ResolvedAt ?? now;
        end = live.Count > 0 && live.Max(e => e.At) > end ? live.Max(e => e.At) : end;
        var span = Math.Max((end - start).TotalSeconds, 60);
        // A little room at both ends, so the first and last marks sit clear of the lane labels and the edge.
        double X(DateTimeOffset at) => Left + 12 + ((at - start).TotalSeconds / span * (Width - Left - Right - 24));

        var lanes = TimelineLanes.All.Select((lane, i) => Markup.Of($"""
            <rect class="lane" x="{Left}" y="{Top + (i * LaneHeight) + 4}" width="{Width - Left - Right}" height="{LaneHeight - 8}" rx="4"/>
            <text x="{Left - 8}" y="{Top + (i * LaneHeight) + (LaneHeight / 2) + 4}" text-anchor="end">{lane.Label}</text>
            """));
        var marks = live.Select(entry => Mark(entry, X(entry.At)));
        var height = Top + (TimelineLanes.All.Count * LaneHeight) + AxisHeight;
        return Markup.Of($"""
            <figure class="card">
            <figcaption id="picture-caption">Timeline of {incident.Id}, {Display.Time(start)} to {Display.Time(end)}: one lane per kind of entry; larger outlined marks are key events. Hover or focus a mark to read it.</figcaption>
            <svg id="timeline-picture" class="chart" viewBox="0 0 {Width} {height}" role="group" aria-labelledby="picture-caption" xmlns="http://www.w3.org/2000/svg">
            {Markup.Join(lanes)}
            {Axis(start, end, X, Top + (TimelineLanes.All.Count * LaneHeight))}
            {Markup.Join(marks)}
            </svg>
            </figure>
            """);
    }

    private static Markup Mark(TimelineEntry entry, double x)
    {
        var lane = TimelineLanes.Of(entry);
        var index = TimelineLanes.All.Select(l => l.Key).ToList().IndexOf(lane);
        var y = Top + (index * LaneHeight) + (LaneHeight / 2);
        var key = TimelineLanes.IsKey(entry);
        var label = $"{Display.Time(entry.At)}, {entry.Kind}, {entry.Actor}: {entry.Text}";
        return Markup.Of($"""
            <circle class="mark kind-{lane}{(key ? " key" : "")}" data-lane="{lane}" cx="{Math.Round(x, 1)}" cy="{y}" r="{(key ? 8 : 6)}" tabindex="0" role="img" aria-label="{label}"><title>{label}</title></circle>
            """);
    }

    private static Markup Axis(DateTimeOffset start, DateTimeOffset end, Func<DateTimeOffset, double> x, int y)
    {
        var span = end - start;
        var format = span > TimeSpan.FromDays(1) ? "MM-dd HH:mm" : "HH:mm";
        var ticks = Enumerable.Range(0, 6).Select(i => start + (span * i / 5)).Select(at => Markup.Of($"""
            <line class="grid" x1="{Math.Round(x(at), 1)}" x2="{Math.Round(x(at), 1)}" y1="{Top}" y2="{y + 4}"/>
            <text x="{Math.Round(x(at), 1)}" y="{y + 20}" text-anchor="middle">{at.UtcDateTime.ToString(format, CultureInfo.InvariantCulture)}</text>
            """));
        return Markup.Of($"""
            <line class="axis" x1="{Left}" x2="{Width - Right}" y1="{y}" y2="{y}"/>
            {Markup.Join(ticks)}
            <text x="{Width - Right}" y="{y + 36}" text-anchor="end">UTC</text>
            """);
    }
}
