using System.Collections.Concurrent;
using IncidentBot.Core.Reminders;

namespace IncidentBot.Tests.Scheduling;

/// <summary>The core's handler stand-in: remembers each reminder fired, and when (by the real clock, as Quartz fires).</summary>
internal sealed class RecordingReminderHandler : IReminderHandler
{
    /// <summary>Reminders of this kind make the handler throw the first two times they fire, after recording them.</summary>
    public const string FailsTwiceKind = "fails-twice";

    private readonly ConcurrentQueue<FiredReminder> fired = new();

    public IReadOnlyList<FiredReminder> Fired => [.. fired];

    public Task Fire(Reminder reminder, CancellationToken ct)
    {
        fired.Enqueue(new FiredReminder(reminder, DateTimeOffset.UtcNow));
        return reminder.Kind == FailsTwiceKind && FiredFor(reminder.Key).Count <= 2
            ? throw new InvalidOperationException($"Handler failed for {reminder.Key}")
            : Task.CompletedTask;
    }

    public IReadOnlyList<FiredReminder> FiredFor(string key) => [.. fired.Where(f => f.Reminder.Key == key)];
}

internal sealed record FiredReminder(Reminder Reminder, DateTimeOffset FiredAt);
