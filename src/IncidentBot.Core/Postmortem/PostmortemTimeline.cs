using System.Globalization;
using System.Text.RegularExpressions;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Postmortem;

/// <summary>
/// The draft's timeline: key events first, then every entry, one line each, with the bot's routine steps (paging,
/// reminders, checklists) folded to one line per kind so that what people did and said stands out. Deleted replies
/// are left out; edited ones say so.
/// </summary>
internal static class PostmortemTimeline
{
    private static readonly Dictionary<string, (string One, string Many)> Folds = new()
    {
        [TimelineKind.Paged] = ("paging and escalation step", "paging and escalation steps"),
        [TimelineKind.Escalated] = ("paging and escalation step", "paging and escalation steps"),
        [TimelineKind.Reminder] = ("reminder", "reminders"),
        [TimelineKind.Checklist] = ("checklist step", "checklist steps"),
    };

    private static readonly (string One, string Many) OtherBotEntries = ("other bot entry", "other bot entries");

    public static void Write(List<string> lines, IReadOnlyList<TimelineEntry> timeline)
    {
        var live = timeline.Where(e => !e.Deleted).OrderBy(e => e.At).ToList();
        lines.Add("### Key events");
        lines.Add("");
        var key = live.Where(e => e.Key).Select(e => (e.At, Line(e))).ToList();
        if (key.Count == 0)
        {
            lines.Add("_None marked. Pin the replies that mattered (a :pushpin: reaction on Slack) to list them here._");
        }

        WriteDays(lines, key);
        lines.Add("");
        lines.Add("### All entries");
        lines.Add("");
        WriteDays(lines, Fold(live));
        var deleted = timeline.Count(e => e.Deleted);
        if (deleted > 0)
        {
            lines.Add("");
            lines.Add(deleted == 1 ? "_1 deleted reply is left out._" : $"_{deleted} deleted replies are left out._");
        }
    }

    /// <summary>Each folded group takes the place of its first entry.</summary>
    private static List<(DateTimeOffset At, string Line)> Fold(List<TimelineEntry> live)
    {
        var groups = live.Where(IsNoise).GroupBy(FoldOf).ToDictionary(g => g.Key, g => g.ToList());
        var written = new HashSet<(string, string)>();
        var result = new List<(DateTimeOffset, string)>();
        foreach (var entry in live)
        {
            if (!IsNoise(entry))
            {
                result.Add((entry.At, Line(entry)));
            }
            else if (written.Add(FoldOf(entry)))
            {
                var fold = FoldOf(entry);
                var count = groups[fold].Count;
                result.Add((entry.At, $"{PostmortemText.Time(entry.At)} — {PageOwners.Bot} — {count} {(count == 1 ? fold.One : fold.Many)} (folded)"));
            }
        }

        return result;
    }

    // A decision or a status update matters in a postmortem whoever recorded it, so the bot's own are kept.
    private static bool IsNoise(TimelineEntry entry) =>
        Folds.ContainsKey(entry.Kind)
        || (entry.Actor == PageOwners.Bot && entry.Kind is not (TimelineKind.Decision or TimelineKind.Status));

    private static (string One, string Many) FoldOf(TimelineEntry entry) =>
        Folds.TryGetValue(entry.Kind, out var fold) ? fold : OtherBotEntries;

    private static void WriteDays(List<string> lines, List<(DateTimeOffset At, string Line)> entries)
    {
        string? day = null;
        foreach (var (at, line) in entries)
        {
            if (PostmortemText.Date(at) != day)
            {
                if (day is not null)
                {
                    lines.Add("");
                }

                day = PostmortemText.Date(at);
                lines.Add($"**{day}**");
            }

            lines.Add("- " + line);
        }
    }

    private static string Line(TimelineEntry entry)
    {
        var label = entry.Kind switch
        {
            TimelineKind.Declared => "Declared: ",
            TimelineKind.Status => "Status update: ",
            TimelineKind.Decision => "Decision: ",
            TimelineKind.Action => "Follow-up: ",
            TimelineKind.Alert => "Alert: ",
            TimelineKind.Message when entry.SourceId.StartsWith(Notes.NotePrefix, StringComparison.Ordinal) => "Note: ",
            _ => "",
        };
        var edited = entry.EditedAt is null ? "" : " (edited)";
        return $"{PostmortemText.Time(entry.At)} — {PostmortemText.OneLine(entry.Actor)} — {label}{PostmortemText.OneLine(entry.Text)}{edited}";
    }
}

/// <summary>How the draft writes times (always UTC) and squeezes user text onto one line.</summary>
internal static partial class PostmortemText
{
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset at) => $"{Date(at)} {Time(at)}";

    /// <summary>
    /// A reply may span lines; a timeline entry is one list item, so line breaks become spaces. Nothing else is
    /// escaped: the draft is for people to edit, and <c>*</c> or <c>_</c> in a reply is what the person wrote.
    /// </summary>
    public static string OneLine(string text) => LineBreaks().Replace(text.Trim(), " ");

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();
}
