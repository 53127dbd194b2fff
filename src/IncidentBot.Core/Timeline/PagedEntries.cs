using System.Globalization;

namespace IncidentBot.Core.Timeline;

/// <summary>
/// The source ids of <c>paged</c> timeline entries, <c>paged:&lt;level&gt;:&lt;person id&gt;</c>: one per person and
/// level, so a page repeated after a crash is recorded once, and who was paged can be read back from the timeline.
/// A declined page is <c>declined:&lt;level&gt;:&lt;person id&gt;</c>.
/// </summary>
public static class PagedEntries
{
    public const string Prefix = "paged:";
    public const string DeclinedPrefix = "declined:";

    public static string SourceId(PageLevel level, string personId) => Prefix + Suffix(level, personId);

    public static string Declined(PageLevel level, string personId) => DeclinedPrefix + Suffix(level, personId);

    public static string PersonOf(string sourceId) => sourceId[(sourceId.IndexOf(':', sourceId.IndexOf(':') + 1) + 1)..];

    /// <summary>The escalation level of a page; null for the asks to take over after a missed handoff (<c>paged:handoff:...</c>).</summary>
    public static PageLevel? LevelOf(string sourceId)
    {
        var start = sourceId.IndexOf(':') + 1;
        return int.TryParse(sourceId.AsSpan(start, sourceId.IndexOf(':', start) - start), NumberStyles.None, CultureInfo.InvariantCulture, out var level)
            ? (PageLevel)level
            : null;
    }

    public static bool IsPage(string sourceId) => sourceId.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool IsDecline(string sourceId) => sourceId.StartsWith(DeclinedPrefix, StringComparison.Ordinal);

    private static string Suffix(PageLevel level, string personId) => ((int)level).ToString(CultureInfo.InvariantCulture) + ":" + personId;
}

/// <summary>The levels of an escalation, in order: the area's primary owners, its secondary owners, the deciders.</summary>
public enum PageLevel
{
    Primary = 0,
    Secondary = 1,
    Deciders = 2,
}
