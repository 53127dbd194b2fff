namespace IncidentBot.Core.Reminders;

/// <summary>One kind of reminder (escalation, a nudge, a handoff nag) and what to do when it is due.</summary>
public interface IReminderKind
{
    IReadOnlyCollection<string> Kinds { get; }

    Task Fire(Reminder reminder, CancellationToken ct);
}

/// <summary>The scheduler's single entry point: hands each due reminder to the kind that owns it.</summary>
public sealed class ReminderDispatcher(IEnumerable<IReminderKind> kinds) : IReminderHandler
{
    private readonly Dictionary<string, IReminderKind> byKind = kinds.SelectMany(k => k.Kinds.Select(name => (name, k))).ToDictionary(p => p.name, p => p.k);

    public Task Fire(Reminder reminder, CancellationToken ct) =>
        byKind.TryGetValue(reminder.Kind, out var kind)
            ? kind.Fire(reminder, ct)
            : throw new InvalidOperationException($"No handler for reminder kind '{reminder.Kind}' ({reminder.Key}).");
}
