using System.Globalization;
using IncidentBot.Core.Actions;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Reminders;
using NodaTime;

namespace IncidentBot.Core.FollowUps;

/// <summary>
/// An action past its due date is reminded to its owner (else to whoever recorded it) once a working day, at the start
/// of their shift (registry hours and time zone, else the handoff defaults), until it is done. The reminder is durable
/// like every other; it belongs to no incident, because resolving an incident cancels the incident's reminders and
/// its follow-ups are still due.
/// </summary>
public sealed class OverdueActions(
    IActionStore actions,
    IIncidentStore incidents,
    IReminders reminders,
    OwnerHours hours,
    Roster roster,
    ChatPlatforms platforms,
    TimeProvider clock) : IReminderKind
{
    public const string Kind = "action-overdue";

    /// <summary>The incident number reminders of no incident are filed under.</summary>
    public const long NoIncident = 0;

    public IReadOnlyCollection<string> Kinds { get; } = [Kind];

    /// <summary>The first reminder comes the day after the due date; the owner's shift start is found when it fires.</summary>
    public Task Schedule(FollowUpAction action, CancellationToken ct) =>
        action.Due is { } due
            ? At(action, new DateTimeOffset(due.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ct)
            : reminders.Cancel(Key(action), ct);

    public Task Cancel(FollowUpAction action, CancellationToken ct) => reminders.Cancel(Key(action), ct);

    public async Task Fire(Reminder reminder, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!long.TryParse(reminder.Data, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || await actions.Find(number, ct) is not { } action
            || !action.IsOverdue(now)
            || await incidents.Find(action.IncidentNumber, ct) is not { } incident)
        {
            return;
        }

        var day = await hours.Of(action.Assignee, Instant.FromDateTimeOffset(now), ct);
        if (ShiftStart(day) is var start && start > now)
        {
            await At(action, start, ct);
            return;
        }

        await Remind(action, incident, now, ct);
        var next = await hours.Of(action.Assignee, day.EndOfShift + Duration.FromMinutes(1), ct);
        await At(action, ShiftStart(next), ct);
    }

    private async Task Remind(FollowUpAction action, Incident incident, DateTimeOffset now, CancellationToken ct)
    {
        var platform = platforms[incident.Thread.Platform];
        var today = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = $"{action.Id} was due {action.Due:yyyy-MM-dd} and is still open: {action.Text} (from {incident.Id} {incident.Title}). "
            + $"When it is finished: '{platform.CommandPrefix} done {action.Id}'.";
        var handle = roster.Registry.FindPerson(action.Assignee) is { } person ? platform.Handle(person) : null;
        handle ??= action.Assignee.StartsWith('<') ? action.Assignee : null;
        var message = new ChatMessage($"{action.Id}:overdue:{today}", text);
        await (handle is not null
            ? platform.DirectMessage(handle, message, ct)
            : platform.PostInThread(incident, message with { Text = $"{action.Assignee} cannot be messaged on {platform.Name}. {text}" }, ct));
    }

    /// <summary>The start of the shift that ends at <see cref="OwnerDay.EndOfShift"/>.</summary>
    private static DateTimeOffset ShiftStart(OwnerDay day)
    {
        var shift = day.Person.Hours!.End.ToTimeOnly() - day.Person.Hours.Start.ToTimeOnly();
        var length = shift == TimeSpan.Zero ? TimeSpan.FromDays(1) : shift;
        return day.EndOfShift.ToDateTimeOffset() - length;
    }

    private Task At(FollowUpAction action, DateTimeOffset at, CancellationToken ct) =>
        reminders.Schedule(new Reminder(Key(action), NoIncident, Kind, at, action.Number.ToString(CultureInfo.InvariantCulture)), ct);

    private static string Key(FollowUpAction action) => $"{action.Id}:overdue";
}
