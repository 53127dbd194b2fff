using IncidentBot.Core.Actions;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Postmortem;

/// <summary>
/// The postmortem draft in Markdown, in the order good postmortems follow: summary, impact, timeline, root cause,
/// resolution, verification, related incidents (when any), preventative actions, figures. It writes down what the
/// record knows and leaves an italic prompt where only people can know (impact, root cause), so nothing invented reads
/// as fact.
/// </summary>
public static class PostmortemDraft
{
    public static string Render(
        Incident incident, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<FollowUpAction> actions, IReadOnlyList<Incident>? related = null)
    {
        var figures = PostmortemFigures.Of(incident, timeline);
        var lines = new List<string>
        {
            $"# Postmortem: {incident.Id} {PostmortemText.OneLine(incident.Title)}",
            "",
            "_Draft written by IncidentBot from the incident's record. Check the facts, fill in the parts in italics, and remove this line once the postmortem is reviewed._",
            "",
        };
        var duration = incident.ResolvedAt is { } end ? PostmortemFigures.Duration(end - incident.DeclaredAt) : null;
        var severity = incident.Severity is { } sev ? $"SEV-{sev}" : null;

        Section(lines, "## Summary",
            $"- **What:** {PostmortemText.OneLine(incident.Title)}",
            incident.ResolvedAt is { } resolved
                ? $"- **When:** {ThreadRoot.FormatUtc(incident.DeclaredAt)} to {ThreadRoot.FormatUtc(resolved)}"
                : $"- **When:** since {ThreadRoot.FormatUtc(incident.DeclaredAt)}",
            $"- **Duration:** {duration ?? "still open"}",
            $"- **Severity:** {severity ?? "not set"}",
            $"- **Area:** {incident.Area ?? "not set"}",
            $"- **Owner:** {incident.Owner ?? "nobody"}",
            $"- **Declared by:** {incident.DeclaredBy}",
            $"- **Status:** {incident.Status}");
        Section(lines, "## Impact",
        [
            incident.Impact ?? "_Who was affected, how many, and what could they not do? Take the numbers from metrics, support tickets and the status page._",
            "",
            duration is null ? $"- Still open, since {ThreadRoot.FormatUtc(incident.DeclaredAt)}." : $"- {duration} from declaration to resolution.",
            severity is null ? "- Severity not set." : $"- Severity {severity}.",
            figures.ImpactStart is { } start
                ? $"- Impact started {ThreadRoot.FormatUtc(start)}, {PostmortemFigures.Duration(figures.TimeToDetect!.Value)} before the declaration."
                : "- Impact start not recorded: set it with the started command, so the time to detect can be measured.",
            .. LongestDetection(figures),
        ]);

        lines.Add("## Timeline (UTC)");
        lines.Add("");
        PostmortemTimeline.Write(lines, timeline);
        lines.Add("");

        Section(lines, "## Root cause", incident.RootCause ?? "_To be written: what failed, and why then? Keep asking why until the answer is something we can change._");
        Section(lines, "## Resolution", [incident.Resolution ?? "_To be written: what restored service, and what fixed the cause for good?_", .. RollbackFacts(timeline)]);
        Section(lines, "## Verification", incident.Verification ?? (incident.IsOpen
            ? "_Not recorded yet: resolving the incident asks what was checked to confirm service is back._"
            : "_Not recorded._"));
        PostmortemRelated.Write(lines, incident, related ?? [], timeline);
        PostmortemActions.Write(lines, actions);
        WriteFigures(lines, figures);
        return string.Join('\n', lines).TrimEnd() + "\n";
    }

    private static List<string> RollbackFacts(IReadOnlyList<TimelineEntry> timeline)
    {
        var decisions = timeline.Where(e => e.Kind == TimelineKind.Decision && !e.Deleted).ToList();
        var facts = new List<string>();
        if (decisions.FirstOrDefault(e => e.SourceId == RollbackEntries.RestoredNo) is { } failed)
        {
            facts.Add($"- A rollback did not restore service ({ThreadRoot.FormatUtc(failed.At)}).");
        }

        if (decisions.FirstOrDefault(e => e.SourceId == RollbackEntries.RestoredYes) is { } restored)
        {
            facts.Add($"- A rollback restored service at {ThreadRoot.FormatUtc(restored.At)}.");
        }

        return facts.Count == 0 ? facts : ["", .. facts];
    }

    private static IEnumerable<string> LongestDetection(PostmortemFigures figures) =>
        figures.DetectionWasLongest() is { } longest
            ? [$"- Detection was the longest part: {PostmortemFigures.Duration(longest.Detect)} passed before anyone declared the incident, longer than {longest.Than} ({PostmortemFigures.Duration(longest.After)})."]
            : [];

    private static void WriteFigures(List<string> lines, PostmortemFigures figures)
    {
        lines.Add("## Figures");
        lines.Add("");
        lines.Add("| figure | time | at (UTC) |");
        lines.Add("| --- | --- | --- |");
        lines.AddRange(figures.Rows().Select(r => $"| {r.Figure} | {r.Time} | {r.At} |"));
        lines.Add("");
        lines.Add($"Measured from the declaration, {ThreadRoot.FormatUtc(figures.Declared)}; the time to detect runs from the impact start to it.");
    }

    internal static void Section(List<string> lines, string heading, params IEnumerable<string> body)
    {
        lines.Add(heading);
        lines.Add("");
        lines.AddRange(body);
        lines.Add("");
    }
}
