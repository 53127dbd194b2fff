using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Search;

/// <summary>
/// The runbook's step 10 for a recurrence: its verification should grow from the earlier one's. Resolving an incident
/// related to earlier ones asks in its thread, for each earlier one with a recorded verification, whether those checks
/// were repeated: <b>Repeated them</b> / <b>Not needed</b>, or <c>reverify</c>. The answer is a <c>decision</c> entry
/// (source <c>reverify:&lt;n&gt;</c>) that the postmortem shows beside the related incident; the first answer stands.
/// </summary>
public sealed class RecurrenceCheck(IIncidentStore incidents, RelateIncidents related, ChatPlatforms platforms, TimeProvider clock)
{
    public const string AnswerAction = "reverify";

    /// <summary>After resolving: one question per related earlier incident not answered for yet.</summary>
    public async Task Ask(Incident resolved, CancellationToken ct)
    {
        var answered = (await incidents.BotEntries(resolved.Number, ct)).Select(e => e.SourceId).ToHashSet(StringComparer.Ordinal);
        var platform = platforms[resolved.Thread.Platform];
        foreach (var earlier in await related.Of(resolved, ct))
        {
            if (earlier.Number > resolved.Number || earlier.Verification is null || answered.Contains(Relations.ReverifySourceId(earlier.Number)))
            {
                continue;
            }

            var value = $"{resolved.Number}:{earlier.Number}";
            await platform.PostInThread(
                resolved,
                new ChatMessage(
                    $"{resolved.Id}:reverify:{earlier.Number}",
                    $"{resolved.Id} is related to {earlier.Id}, whose recovery was verified by: {earlier.Verification}\n"
                    + $"Were those checks repeated this time? (Or: '{platform.CommandPrefix} reverify {resolved.Id} {earlier.Id} repeated|not-needed [note]'.)",
                    Heading: $"Were {earlier.Id}'s checks repeated?",
                    Buttons: [new(AnswerAction, "Repeated them", value + ":repeated", Primary: true), new(AnswerAction, "Not needed", value + ":not-needed")]),
                ct);
        }
    }

    public async Task<string> Answer(Incident incident, long earlierNumber, bool repeated, string? note, string by, CancellationToken ct)
    {
        if ((await related.Of(incident, ct)).FirstOrDefault(e => e.Number == earlierNumber) is not { } earlier)
        {
            var earlierId = IncidentId.Format(earlierNumber);
            return $"{earlierId} is not related to {incident.Id}: relate them first with 'related {incident.Id} {earlierId}'.";
        }

        var text = (repeated
            ? $"{by} repeated the checks of {earlier.Id}: {earlier.Verification ?? "(none were recorded)"}"
            : $"{by}: repeating the checks of {earlier.Id} was not needed")
            + (note is null ? "" : $". Note: {note}");
        var entry = new TimelineEntry(clock.GetUtcNow(), TimelineKind.Decision, by, text, Relations.ReverifySourceId(earlier.Number));
        var added = await incidents.Append(incident.Number, entry, ct);
        var first = added ? entry : await incidents.Recorded(incident.Number, entry.SourceId, ct);

        // Posted on a repeat too: the post is keyed, so it goes out once, even when a crash came between the two.
        await platforms[incident.Thread.Platform].PostInThread(incident, new ChatMessage($"{incident.Id}:reverify:{earlier.Number}:answer", first.Text), ct);
        return added ? $"Recorded on {incident.Id}'s timeline: {text}" : $"Answered already for {earlier.Id}: {first.Text}";
    }
}
