using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Home;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Actions;

/// <summary>
/// <c>action</c> and <c>done</c>: follow-up actions with an id, an owner and a due date. Both are accepted on resolved
/// incidents too, since follow-ups are agreed and finished after recovery. Each is also an <c>action</c> entry on the
/// incident's timeline; the postmortem lists them as completed or planned.
/// </summary>
public sealed class FollowUpActions(
    IActionStore actions,
    IIncidentStore incidents,
    Roster roster,
    OverdueActions overdue,
    ChatPlatforms platforms,
    TimeProvider clock,
    HomeRefresh? home = null)
{
    public async Task<string> Add(Incident incident, ActionCommand command, CommandContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (command.Owner is { } owner && !owner.StartsWith('<') && roster.Registry.FindPerson(owner) is null)
        {
            return $"There is no '{owner}' in the expertise registry: mention them instead. Nothing was recorded.";
        }

        if (command.Due is { } due && due < DateOnly.FromDateTime(now.UtcDateTime))
        {
            return $"due:{due:yyyy-MM-dd} has already passed (today is {now.UtcDateTime:yyyy-MM-dd} UTC). Nothing was recorded.";
        }

        var action = await actions.Add(new NewAction(context.RequestKey, incident.Number, command.FollowUp, command.Owner, command.Due, context.User, now), ct);
        var entry = new TimelineEntry(now, TimelineKind.Action, context.User, $"{action.Id}: {action.Text}{Details(action)}", "action:" + context.RequestKey);
        await incidents.Append(incident.Number, entry, ct);
        await overdue.Schedule(action, ct);
        await Refresh(context, action, "added", ct);
        var prefix = platforms[context.Platform].CommandPrefix;
        return $"{action.Id} recorded on {incident.Id}: {action.Text}{Details(action)}. When it is finished: '{prefix} done {action.Id}'.";
    }

    public async Task<string> Done(long number, CommandContext context, CancellationToken ct)
    {
        if (await actions.Find(number, ct) is not { } action)
        {
            return $"There is no action {ActionId.Format(number)}.";
        }

        var now = clock.GetUtcNow();
        if (!await actions.MarkDone(number, context.User, now, ct))
        {
            var current = await actions.Find(number, ct);
            return $"{action.Id} was already done ({current?.DoneBy}, {current?.DoneAt:yyyy-MM-dd}).";
        }

        var entry = new TimelineEntry(now, TimelineKind.Action, context.User, $"{action.Id} done: {action.Text}", $"action-done:{action.Id}");
        await incidents.Append(action.IncidentNumber, entry, ct);
        await overdue.Cancel(action, ct);
        await Refresh(context, action, "done", ct);
        return $"{action.Id} is done: {action.Text}";
    }

    /// <summary>The action shows on its assignee's home page (a registry id is turned into their handle there).</summary>
    private Task Refresh(CommandContext context, FollowUpAction action, string change, CancellationToken ct)
    {
        var handle = roster.Registry.FindPerson(action.Assignee) is { } person ? platforms[context.Platform].Handle(person) : action.Assignee;
        return home is null || handle is null ? Task.CompletedTask : home.Person(context.Platform, handle, $"{action.Id}:{change}", ct);
    }

    /// <summary>" (owner @bob, due 2026-12-04)", or nothing when neither is set.</summary>
    public static string Details(FollowUpAction action)
    {
        var parts = new List<string>();
        if (action.Owner is { } owner)
        {
            parts.Add("owner " + owner);
        }

        if (action.Due is { } due)
        {
            parts.Add($"due {due:yyyy-MM-dd}");
        }

        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }
}
