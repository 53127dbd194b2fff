namespace IncidentBot.Core.Reminders;

/// <summary>
/// Durable timers for an incident (escalations, nags, nudges). The host keeps them in Quartz's persistent store,
/// so a restart neither loses nor repeats one; when one is due the host calls <see cref="IReminderHandler.Fire"/>.
/// Scheduling the same <see cref="Reminder.Key"/> again replaces the earlier one.
/// </summary>
public interface IReminders
{
    Task Schedule(Reminder reminder, CancellationToken ct);

    Task Cancel(string key, CancellationToken ct);

    /// <summary>Cancels every reminder of the incident (it was resolved).</summary>
    Task CancelAll(long incidentNumber, CancellationToken ct);
}

/// <summary>A timer: what (<see cref="Kind"/>, <see cref="Data"/>) for which incident, when.</summary>
public sealed record Reminder(string Key, long IncidentNumber, string Kind, DateTimeOffset At, string? Data = null);

/// <summary>Runs a due reminder. Must be safe to run twice: a crash can interrupt it after it acted.</summary>
public interface IReminderHandler
{
    Task Fire(Reminder reminder, CancellationToken ct);
}
