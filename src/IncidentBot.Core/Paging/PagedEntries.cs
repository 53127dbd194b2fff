using System.Globalization;

namespace IncidentBot.Core.Paging;

/// <summary>
/// The source ids of <c>paged</c> timeline entries, <c>paged:&lt;level&gt;:&lt;person id&gt;</c>: one per person and
/// level, so a page repeated after a crash is recorded once, and who was paged can be read back from the timeline.
/// </summary>
public static class PagedEntries
{
    public const string Prefix = "paged:";

    public static string SourceId(PageLevel level, string personId) =>
        Prefix + ((int)level).ToString(CultureInfo.InvariantCulture) + ":" + personId;

    public static string PersonOf(string sourceId) => sourceId[(sourceId.IndexOf(':', Prefix.Length) + 1)..];
}
