using IncidentBot.Core.Reminders;

namespace IncidentBot.Core.Tests.Support;

/// <summary>Keeps scheduled reminders in a list, so a test can see them; CoreHarness.Advance fires the due ones.</summary>
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
}
