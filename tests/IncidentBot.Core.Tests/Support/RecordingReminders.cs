using IncidentBot.Core.Paging;

namespace IncidentBot.Core.Tests.Support;

/// <summary>Keeps scheduled reminders in a list, so a test can see them and fire the due ones itself.</summary>
internal sealed class RecordingReminders : IReminders
{
    private readonly List<Reminder> scheduled = [];

    public IReadOnlyList<Reminder> Scheduled => scheduled;

    public Task Schedule(Reminder reminder, CancellationToken ct)
    {
        scheduled.RemoveAll(r => r.Key == reminder.Key);
        scheduled.Add(reminder);
        return Task.CompletedTask;
    }

    public Task Cancel(string key, CancellationToken ct)
    {
        scheduled.RemoveAll(r => r.Key == key);
        return Task.CompletedTask;
    }

    public Task CancelAll(long incidentNumber, CancellationToken ct)
    {
        scheduled.RemoveAll(r => r.IncidentNumber == incidentNumber);
        return Task.CompletedTask;
    }

    /// <summary>Removes and returns the reminders due at <paramref name="now"/>, as Quartz would fire them.</summary>
    public IReadOnlyList<Reminder> TakeDue(DateTimeOffset now)
    {
        var due = scheduled.Where(r => r.At <= now).ToList();
        scheduled.RemoveAll(due.Contains);
        return due;
    }
}
