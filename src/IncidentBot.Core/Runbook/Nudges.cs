using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Runbook;

/// <summary>
/// How long before the bot nudges: no public status update yet, a thread gone quiet, and how often a public update
/// is due afterwards, by severity.
/// </summary>
public sealed record NudgePolicy(TimeSpan FirstStatusUpdate, TimeSpan QuietThread, StatusCadence? Cadence = null)
{
    public StatusCadence StatusCadence => Cadence ?? StatusCadence.Default;
}

/// <summary>How often a public status update is due, by severity; an incident without one counts as SEV-3.</summary>
public sealed record StatusCadence(TimeSpan Sev1, TimeSpan Sev2, TimeSpan Sev3, TimeSpan Sev4)
{
    public static readonly StatusCadence Default = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(2));

    public TimeSpan For(int? severity) => severity switch
    {
        1 => Sev1,
        2 => Sev2,
        4 => Sev4,
        _ => Sev3,
    };
}

/// <summary>
/// Nudges an open incident's thread, each nudge a <c>reminder</c> entry, repeating until satisfied: no public status
/// update within <see cref="NudgePolicy.FirstStatusUpdate"/> of declaring, then none within the severity's
/// <see cref="StatusCadence"/> of the last one, for as long as the incident is open; and nobody writing in the thread
/// for <see cref="NudgePolicy.QuietThread"/>.
/// </summary>
public sealed class Nudges(IIncidentStore incidents, IReminders reminders, ChatPlatforms platforms, NudgePolicy policy, TimeProvider clock) : IReminderKind
{
    public IReadOnlyCollection<string> Kinds { get; } = [ReminderKinds.FirstStatusNudge, ReminderKinds.QuietThreadNudge];

    public async Task Start(Incident incident, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await reminders.Schedule(new Reminder(ReminderKeys.FirstStatusNudge(incident), incident.Number, ReminderKinds.FirstStatusNudge, now + policy.FirstStatusUpdate), ct);
        await reminders.Schedule(new Reminder(ReminderKeys.QuietThreadNudge(incident), incident.Number, ReminderKinds.QuietThreadNudge, now + policy.QuietThread), ct);
    }

    public TimeSpan StatusUpdateEvery(Incident incident) => policy.StatusCadence.For(incident.Severity);

    /// <summary>A status update was published or the severity changed: the next update is due from now on.</summary>
    public async Task Reschedule(Incident incident, CancellationToken ct)
    {
        var due = StatusDue(incident, await incidents.BotEntries(incident.Number, ct)).Due;
        var now = clock.GetUtcNow();
        await reminders.Schedule(new Reminder(ReminderKeys.FirstStatusNudge(incident), incident.Number, ReminderKinds.FirstStatusNudge, due > now ? due : now), ct);
    }

    public async Task Fire(Reminder reminder, CancellationToken ct)
    {
        if (await incidents.Find(reminder.IncidentNumber, ct) is not { IsOpen: true } incident)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (reminder.Kind == ReminderKinds.FirstStatusNudge)
        {
            await StatusNudge(incident, await incidents.BotEntries(incident.Number, ct), reminder, now, ct);
            return;
        }

        // The quiet-thread nudge is the one that needs what people wrote: the time of the last reply.
        var lastWord = await incidents.LastMessageAt(incident.Number, ct) ?? incident.DeclaredAt;
        if (now - lastWord < policy.QuietThread)
        {
            // Someone wrote since this was scheduled: wait for the quiet period counted from their message.
            await reminders.Schedule(reminder with { At = lastWord + policy.QuietThread }, ct);
            return;
        }

        await Nudge(incident, "quiet", reminder, $"This thread has been quiet for {Minutes(now - lastWord)}. Post what you checked, even 'still investigating', so others know where things stand.", ct);
        await reminders.Schedule(reminder with { At = now + policy.QuietThread }, ct);
    }

    private async Task StatusNudge(Incident incident, IReadOnlyList<TimelineEntry> timeline, Reminder reminder, DateTimeOffset now, CancellationToken ct)
    {
        var (last, due) = StatusDue(incident, timeline);
        if (now < due)
        {
            // An update came (or the severity changed) since this was scheduled.
            await reminders.Schedule(reminder with { At = due }, ct);
            return;
        }

        var every = StatusUpdateEvery(incident);
        var text = last is { } at
            ? $"The last public status update was {Minutes(now - at)} ago; at {Severities.Name(incident.Severity)} one is due every {Minutes(every)}. Publish one: 'status <stage> <what users should know>'."
            : $"No public status update yet, {Minutes(now - incident.DeclaredAt)} after declaring. Publish one: 'status investigating <what users should know>'.";
        await Nudge(incident, last is null ? "first-status" : "status", reminder, text, ct);
        await reminders.Schedule(reminder with { At = now + (last is null ? policy.FirstStatusUpdate : every) }, ct);
    }

    private (DateTimeOffset? Last, DateTimeOffset Due) StatusDue(Incident incident, IReadOnlyList<TimelineEntry> timeline)
    {
        var last = timeline.Where(e => e.Kind == TimelineKind.Status && !e.Deleted).Select(e => (DateTimeOffset?)e.At).Max();
        return (last, last is { } at ? at + StatusUpdateEvery(incident) : incident.DeclaredAt + policy.FirstStatusUpdate);
    }

    /// <summary>Keyed by the reminder's time: a nudge fired again after it failed half-way sends what is missing, nothing twice.</summary>
    private async Task Nudge(Incident incident, string what, Reminder reminder, string text, CancellationToken ct)
    {
        var stamp = reminder.At.ToUnixTimeMilliseconds();
        await incidents.Append(incident.Number, new TimelineEntry(clock.GetUtcNow(), TimelineKind.Reminder, PageOwners.Bot, text, $"nudge:{what}:{stamp}"), ct);
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:nudge:{what}:{stamp}", text), ct);
    }

    /// <summary>"45 min", and whole hours as "1 h" / "2 h".</summary>
    public static string Minutes(TimeSpan span)
    {
        var minutes = Math.Max(1, (int)Math.Round(span.TotalMinutes));
        return minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes} min";
    }
}
