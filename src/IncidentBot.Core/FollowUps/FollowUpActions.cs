using IncidentBot.Core.Actions;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Home;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.FollowUps;

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
        if (Problem(command.Owner, command.Due, now) is { } problem)
        {
            return problem;
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

        var done = $"action-done:{action.Id}";
        var at = clock.GetUtcNow();
        if (!await actions.MarkDone(number, context.User, at, ct))
        {
            // The same person's done, stopped before its timeline entry (the last step): processed again after a
            // crash, it finishes the steps, each keyed, instead of leaving the overdue reminder running.
            var current = await actions.Find(number, ct);
            if (current?.DoneBy != context.User || current.DoneAt is not { } doneAt || await incidents.HasEntry(action.IncidentNumber, done, ct))
            {
                return $"{action.Id} was already done ({current?.DoneBy}, {current?.DoneAt:yyyy-MM-dd}).";
            }

            at = doneAt;
        }

        await overdue.Cancel(action, ct);
        await Refresh(context, action, "done", ct);
        await incidents.Append(action.IncidentNumber, new TimelineEntry(at, TimelineKind.Action, context.User, $"{action.Id} done: {action.Text}", done), ct);
        return $"{action.Id} is done: {action.Text}";
    }

    /// <summary>
    /// A new owner and due date for an open action (null clears either), checked as <see cref="Add"/> checks them; the
    /// change is an <c>action</c> entry on the timeline and the overdue reminder follows the new date.
    /// </summary>
    public async Task<(bool Changed, string Answer)> Reassign(long number, string? owner, DateOnly? due, CommandContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await actions.Find(number, ct) is not { } action)
        {
            return (false, $"There is no action {ActionId.Format(number)}.");
        }

        if (Problem(owner, due, now) is { } problem)
        {
            return (false, problem);
        }

        if (!await actions.Reassign(number, owner, due, ct))
        {
            return (false, $"{action.Id} is done already; a done action keeps its owner and date. Nothing was recorded.");
        }

        var changed = action with { Owner = owner, Due = due };
        var text = $"{action.Id} changed: {(owner is null ? "no owner" : "owner " + owner)}, {(due is { } d ? $"due {d:yyyy-MM-dd}" : "no due date")}";
        await incidents.Append(action.IncidentNumber, new TimelineEntry(now, TimelineKind.Action, context.User, text, "action-change:" + context.RequestKey), ct);
        await overdue.Schedule(changed, ct);
        await Refresh(context, changed, "reassigned", ct);
        return (true, text);
    }

    private string? Problem(string? owner, DateOnly? due, DateTimeOffset now)
    {
        if (owner is not null && !owner.StartsWith('<') && roster.Registry.FindPerson(owner) is null)
        {
            return $"There is no '{owner}' in the expertise registry: mention them instead. Nothing was recorded.";
        }

        return due is { } date && date < DateOnly.FromDateTime(now.UtcDateTime)
            ? $"due:{date:yyyy-MM-dd} has already passed (today is {now.UtcDateTime:yyyy-MM-dd} UTC). Nothing was recorded."
            : null;
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
