using IncidentBot.Core.Actions;

namespace IncidentBot.Core.Postmortem;

/// <summary>The draft's preventative actions, as the seed postmortems list them: completed, then planned, each with owner and due date.</summary>
internal static class PostmortemActions
{
    public static void Write(List<string> lines, IReadOnlyList<FollowUpAction> actions)
    {
        var completed = actions.Where(a => a.IsDone).Select(a => $"- [x] {a.Id} {PostmortemText.OneLine(a.Text)} ({Who(a)}, done {PostmortemText.Date(a.DoneAt!.Value)})").ToList();
        var planned = actions.Where(a => !a.IsDone).Select(a => $"- [ ] {a.Id} {PostmortemText.OneLine(a.Text)} ({Who(a)}, {Due(a)})").ToList();
        lines.Add("## Preventative actions");
        lines.Add("");
        PostmortemDraft.Section(lines, "### Completed", completed.Count == 0 ? ["_None recorded._"] : [.. completed]);
        PostmortemDraft.Section(lines, "### Planned", planned.Count == 0 ? ["_None recorded. Add them with the action command._"] : [.. planned]);
    }

    private static string Who(FollowUpAction action) =>
        action.Owner is { } owner ? "owner " + PostmortemText.OneLine(owner) : $"no owner, recorded by {PostmortemText.OneLine(action.CreatedBy)}";

    private static string Due(FollowUpAction action) =>
        action.Due is { } due ? $"due {due:yyyy-MM-dd}" : "no due date";
}
