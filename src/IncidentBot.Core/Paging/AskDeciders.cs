using System.Globalization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Paging;

/// <summary>
/// <c>priority &lt;question&gt;</c>, or <b>Ask the deciders</b> on the checklist: when it is unclear whether the outage
/// beats other work, the runbook says to ask the people who decide priorities. Each decider gets the question with
/// <b>Drop everything</b> and <b>Can wait</b>; the first answer (<c>priority drop|wait [note]</c>) is a <c>decision</c>
/// entry posted in the thread. Without an answer within <c>Paging:AckTimeout</c> the thread says so, once. One question
/// is open at a time; answers go to the latest.
/// </summary>
public sealed class AskDeciders(
    IIncidentStore incidents, Roster roster, ChatPlatforms platforms, IReminders reminders, PagingPolicy policy, TimeProvider clock) : IReminderKind
{
    public const string AnswerAction = "priority";
    public const string AskAction = "priority-ask";
    private const string Asked = "priority:asked:";
    private const string Answered = "priority:answered:";

    public IReadOnlyCollection<string> Kinds { get; } = [ReminderKinds.Priority];

    public static ChatButton AskButton(Incident incident) => new(AskAction, "Ask the deciders", Number(incident));

    public async Task<string> Ask(Incident incident, string question, string by, CancellationToken ct)
    {
        var platform = platforms[incident.Thread.Platform];
        var deciders = roster.Registry.Deciders.Select(id => roster.Registry.People.GetValueOrDefault(id)).OfType<Registry.Person>()
            .Where(p => platform.Handle(p) is not null).ToList();
        if (deciders.Count == 0)
        {
            return $"The registry names no deciders with a {platform.Name} id, so there is nobody to ask.";
        }

        var timeline = await incidents.BotEntries(incident.Number, ct);
        if (Open(timeline) is { } open)
        {
            return $"A question to the deciders is still open: {open.Text}";
        }

        var number = timeline.Count(e => e.SourceId.StartsWith(Asked, StringComparison.Ordinal)) + 1;
        var names = string.Join(", ", deciders.Select(d => d.Name));
        await incidents.Append(incident.Number, new TimelineEntry(clock.GetUtcNow(), TimelineKind.Paged, by, $"Asked the deciders ({names}): {question}", Asked + number), ct);
        foreach (var decider in deciders)
        {
            await platform.DirectMessage(platform.Handle(decider)!, Question(incident, question, by, number, decider.Id), ct);
        }

        await platform.PostInThread(incident, new ChatMessage($"{incident.Id}:{Asked}{number}", $"{by} asked the deciders ({names}): {question}"), ct);
        await reminders.Schedule(new Reminder($"{incident.Id}:priority", incident.Number, ReminderKinds.Priority, clock.GetUtcNow() + policy.AckTimeout, Number(number)), ct);
        return $"Asked {names}; their answer will be posted in the thread.";
    }

    public async Task<string> Answer(Incident incident, bool dropEverything, string? note, string by, CancellationToken ct)
    {
        var timeline = await incidents.BotEntries(incident.Number, ct);
        if (timeline.LastOrDefault(e => e.SourceId.StartsWith(Asked, StringComparison.Ordinal)) is not { } asked)
        {
            return $"Nobody asked the deciders about {incident.Id}.";
        }

        var answer = dropEverything ? $"{incident.Id} comes first: drop everything" : $"{incident.Id} can wait behind other work";
        var text = $"Priority: {answer} (decided by {by}){(note is null ? "" : $": {note}")}";
        var number = asked.SourceId[Asked.Length..];
        var added = await incidents.Append(incident.Number, new TimelineEntry(clock.GetUtcNow(), TimelineKind.Decision, by, text, Answered + number), ct);
        var first = added ? text : (await incidents.Recorded(incident.Number, Answered + number, ct)).Text;

        // On a repeat too (the same request after a crash): both steps are keyed, and the first run may not have reached them.
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:{Answered}{number}", first), ct);
        await reminders.Cancel($"{incident.Id}:priority", ct);
        return added ? "Recorded, and posted in the thread." : $"That question was answered already: {first}";
    }

    public async Task Fire(Reminder reminder, CancellationToken ct)
    {
        if (await incidents.Find(reminder.IncidentNumber, ct) is not { IsOpen: true } incident
            || Open(await incidents.BotEntries(incident.Number, ct)) is not { } open || open.SourceId != Asked + reminder.Data)
        {
            return;
        }

        var text = $"No decider answered within {policy.AckTimeout.TotalMinutes:0} min. Carry on as if it comes first, and ask again or call them if it matters.";
        var key = $"priority:unanswered:{reminder.Data}";
        if (await incidents.Append(incident.Number, new TimelineEntry(clock.GetUtcNow(), TimelineKind.Reminder, PageOwners.Bot, text, key), ct))
        {
            await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:{key}", text), ct);
        }
    }

    /// <summary>The latest question, when it has no answer yet.</summary>
    private static TimelineEntry? Open(IReadOnlyList<TimelineEntry> timeline) =>
        timeline.LastOrDefault(e => e.SourceId.StartsWith(Asked, StringComparison.Ordinal)) is { } asked
        && timeline.All(e => e.SourceId != Answered + asked.SourceId[Asked.Length..])
            ? asked
            : null;

    private static ChatMessage Question(Incident incident, string question, string by, int number, string decider) => new(
        Key: $"{incident.Id}:priority:{number}:{decider}",
        Text: $"{by} asks: {question}\nDoes {incident.Id} come before other work? Your answer is posted in its thread (add a note with 'priority {incident.Id} drop|wait <note>').",
        Heading: ThreadRoot.Heading(incident),
        Fields: [ThreadRoot.Severity(incident), new("Owner", incident.Owner ?? "nobody yet")],
        Buttons: [
            new ChatButton(AnswerAction, "Drop everything", $"{Number(incident)}:drop", Primary: true),
            new ChatButton(AnswerAction, "Can wait", $"{Number(incident)}:wait"),
        ]);

    private static string Number(Incident incident) => Number(incident.Number);

    private static string Number(long number) => number.ToString(CultureInfo.InvariantCulture);
}
