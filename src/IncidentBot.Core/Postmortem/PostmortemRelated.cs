using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Postmortem;

/// <summary>
/// The draft's related incidents (linked with <c>related</c>), each with its root cause and verification, and for an
/// earlier one whether its checks were repeated this time. Left out when nothing is related, so drafts without links
/// read as before.
/// </summary>
internal static class PostmortemRelated
{
    public static void Write(List<string> lines, Incident incident, IReadOnlyList<Incident> related, IReadOnlyList<TimelineEntry> timeline)
    {
        if (related.Count == 0)
        {
            return;
        }

        PostmortemDraft.Section(lines, "## Related incidents", related.SelectMany(r => Describe(incident, r, timeline)));
    }

    private static IEnumerable<string> Describe(Incident incident, Incident related, IReadOnlyList<TimelineEntry> timeline)
    {
        var when = related.ResolvedAt is { } resolved ? $"resolved {ThreadRoot.FormatUtc(resolved)}" : $"open since {ThreadRoot.FormatUtc(related.DeclaredAt)}";
        yield return $"- **{related.Id}** {PostmortemText.OneLine(related.Title)} ({(related.Number < incident.Number ? "earlier" : "later")}, {when})";
        yield return $"  - Root cause: {PostmortemText.OneLine(related.RootCause ?? "not recorded")}";
        yield return $"  - Verified by: {PostmortemText.OneLine(related.Verification ?? "not recorded")}";
        if (related.Number > incident.Number || related.Verification is null)
        {
            yield break;
        }

        var answer = timeline.FirstOrDefault(e => e.SourceId == Relations.ReverifySourceId(related.Number) && !e.Deleted);
        yield return $"  - Its checks this time: {(answer is null ? "_not answered: were they repeated?_" : PostmortemText.OneLine(answer.Text))}";
    }
}
