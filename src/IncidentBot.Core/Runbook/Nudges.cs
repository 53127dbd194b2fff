using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Runbook;

/// <summary>How long before the bot nudges: no public status update yet, or a thread gone quiet.</summary>
public sealed record NudgePolicy(TimeSpan FirstStatusUpdate, TimeSpan QuietThread);

/// <summary>
/// Nudges an open incident's thread: when no status update was published within
/// <see cref="NudgePolicy.FirstStatusUpdate"/> of declaring, and when nobody wrote in the thread for
/// <see cref="NudgePolicy.QuietThread"/>. Each nudge is a <c>reminder</c> entry and repeats until satisfied.
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

    public async Task Fire(Reminder reminder, CancellationToken ct)
    {
        if (await incidents.Find(reminder.IncidentNumber, ct) is not { IsOpen: true } incident)
        {
            return;
        }

        var timeline = await incidents.Timeline(incident.Number, ct);
        var now = clock.GetUtcNow();
        if (reminder.Kind == ReminderKinds.FirstStatusNudge)
        {
            if (!timeline.Any(e => e.Kind == TimelineKind.Status))
            {
                await Nudge(incident, "first-status", $"No public status update yet, {Minutes(now - incident.DeclaredAt)} after declaring. Publish one: 'status investigating <what users should know>'.", ct);
                await reminders.Schedule(reminder with { At = now + policy.FirstStatusUpdate }, ct);
            }

            return;
        }

        var lastWord = timeline.Where(e => e.Kind == TimelineKind.Message && !e.Deleted).Select(e => e.At).DefaultIfEmpty(incident.DeclaredAt).Max();
        if (now - lastWord < policy.QuietThread)
        {
            // Someone wrote since this was scheduled: wait for the quiet period counted from their message.
            await reminders.Schedule(reminder with { At = lastWord + policy.QuietThread }, ct);
            return;
        }

        await Nudge(incident, "quiet", $"This thread has been quiet for {Minutes(now - lastWord)}. Post what you checked, even 'still investigating', so others know where things stand.", ct);
        await reminders.Schedule(reminder with { At = now + policy.QuietThread }, ct);
    }

    private async Task Nudge(Incident incident, string what, string text, CancellationToken ct)
    {
        var stamp = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await incidents.Append(incident.Number, new TimelineEntry(clock.GetUtcNow(), TimelineKind.Reminder, PageOwners.Bot, text, $"nudge:{what}:{stamp}"), ct);
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:nudge:{what}:{stamp}", text), ct);
    }

    private static string Minutes(TimeSpan span) => $"{Math.Max(1, (int)Math.Round(span.TotalMinutes))} min";
}
