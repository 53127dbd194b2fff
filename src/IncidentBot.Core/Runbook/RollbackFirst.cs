using System.Globalization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Runbook;

/// <summary>
/// Before anyone hunts for a root cause: would rolling back to the previous version likely fix this without causing
/// other problems? The answer, and whether the rollback restored service, go on the timeline as decisions; each
/// answer is recorded once, however many people press the button.
/// </summary>
public sealed class RollbackFirst(IIncidentStore incidents, ChatPlatforms platforms, IRollbackTrigger trigger, TimeProvider clock)
{
    public const string DecideAction = "rollback";
    public const string RestoredAction = "restored";
    private const string Bot = "IncidentBot";

    public Task Ask(Incident incident, CancellationToken ct)
    {
        var n = incident.Number.ToString(CultureInfo.InvariantCulture);
        return Post(incident, "rollback-question", new ChatMessage(
            $"{incident.Id}:rollback-question",
            "Before looking for the root cause: would rolling back to the previous version likely fix this, without bringing back other problems?",
            Heading: "Rollback first?",
            Buttons: [new(DecideAction, "Roll back now", $"{n}:yes", Primary: true), new(DecideAction, "No, not an option", $"{n}:no"), new(DecideAction, "Not sure yet", $"{n}:unsure")]),
            ct);
    }

    public async Task<string> Decide(Incident incident, RollbackAnswer answer, string? note, string by, CancellationToken ct)
    {
        if (!incident.IsOpen)
        {
            return $"{incident.Id} is resolved; the rollback decision is closed.";
        }

        var word = answer.ToString().ToLowerInvariant();
        var text = answer switch
        {
            RollbackAnswer.Yes => "Rollback: yes, rolling back now",
            RollbackAnswer.No => "Rollback: no, not an option",
            _ => "Rollback: not sure yet",
        } + (note is null ? "" : $" ({note})");
        var added = await incidents.Append(incident.Number, new TimelineEntry(clock.GetUtcNow(), TimelineKind.Decision, by, text, RollbackEntries.Decided(word)), ct);
        if (!added)
        {
            // A repeat (the same request after a crash, or answered again) finishes as the first decider: the webhook
            // and the post are keyed, so a rollback the first run did not reach is requested, and none twice.
            by = (await incidents.Recorded(incident.Number, RollbackEntries.Decided(word), ct)).Actor;
        }

        await Post(incident, $"rollback-{word}", answer switch
        {
            RollbackAnswer.Yes => await StartRollback(incident, by, ct),
            RollbackAnswer.No => new ChatMessage("", $"{by}: rolling back is not an option. Research the root cause, and post what you check in this thread."),
            _ => new ChatMessage("", $"{by} is not sure yet. When you know, answer with the buttons above or 'rollback yes|no'."),
        }, ct);
        return added ? $"Recorded: {text}." : $"'{word}' is already recorded for {incident.Id}.";
    }

    public async Task<string> Restored(Incident incident, bool restored, string by, CancellationToken ct)
    {
        if (!incident.IsOpen)
        {
            return $"{incident.Id} is already resolved.";
        }

        var (source, text, next) = restored
            ? (RollbackEntries.RestoredYes, "The rollback restored service", "Verify it from the users' side, then resolve with what you checked: 'resolve <what you verified>'.")
            : (RollbackEntries.RestoredNo, "The rollback did not restore service", "Research the root cause, and post what you check in this thread.");
        var added = await incidents.Append(incident.Number, new TimelineEntry(clock.GetUtcNow(), TimelineKind.Decision, by, text, source), ct);
        var said = added ? by : (await incidents.Recorded(incident.Number, source, ct)).Actor;

        // Posted on a repeat too: the post is keyed, so it goes out once, even when a crash came between the two.
        await Post(incident, source.Replace(':', '-'), new ChatMessage("", $"{text} (said {said}). {next}", Buttons: restored ? [FormButtons.ResolveButton(incident)] : null), ct);
        return added ? $"Recorded: {text}." : "That is already recorded.";
    }

    /// <summary>
    /// What the rollback webhook answered. <paramref name="outcomeKey"/> names the outcome (accepted, refused,
    /// retrying) so that each is recorded once even when a delivery attempt is repeated.
    /// </summary>
    public async Task WebhookAnswered(long incidentNumber, string outcomeKey, string outcome, CancellationToken ct) =>
        await incidents.Append(incidentNumber, new TimelineEntry(clock.GetUtcNow(), TimelineKind.Action, Bot, outcome, $"rollback-webhook:{outcomeKey}"), ct);

    private async Task<ChatMessage> StartRollback(Incident incident, string by, CancellationToken ct)
    {
        var automated = trigger.IsConfigured(incident);
        if (automated)
        {
            await trigger.Request(incident, by, ct);
        }

        var n = incident.Number.ToString(CultureInfo.InvariantCulture);
        var how = automated ? "The rollback was requested from the deploy pipeline." : "Roll back to the previous version now.";
        return new ChatMessage("", $"{by}: roll back. {how} Then: did the rollback restore service? (Without buttons: 'restored {incident.Id} yes|no'.)",
            Buttons: [new(RestoredAction, "Yes, service is back", $"{n}:yes", Primary: true), new(RestoredAction, "No", $"{n}:no")]);
    }

    private Task Post(Incident incident, string what, ChatMessage message, CancellationToken ct) =>
        platforms[incident.Thread.Platform].PostInThread(incident, message with { Key = $"{incident.Id}:{what}" }, ct);
}
