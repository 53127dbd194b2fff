using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Postmortem;

/// <summary>
/// <c>note &lt;text&gt;</c> and <c>action &lt;follow-up&gt;</c>: things said outside the thread that belong on the
/// timeline. Both are accepted on resolved incidents too, since follow-ups are often agreed after recovery. The
/// source id is the request's, so processing a request again (after a crash) records it once.
/// </summary>
public sealed class Notes(IIncidentStore store, TimeProvider clock)
{
    public const string NotePrefix = "note:";

    public async Task<string> AddNote(Incident incident, string text, string by, string requestKey, CancellationToken ct)
    {
        var entry = new TimelineEntry(clock.GetUtcNow(), TimelineKind.Message, by, text, NotePrefix + requestKey);
        await store.Append(incident.Number, entry, ct);
        return $"Noted on {incident.Id}.";
    }

    /// <summary>Records a follow-up as planned; marking it done comes with a later version.</summary>
    public async Task<string> AddAction(Incident incident, string followUp, string by, string requestKey, CancellationToken ct)
    {
        var entry = new TimelineEntry(clock.GetUtcNow(), TimelineKind.Action, by, followUp, "action:" + requestKey);
        await store.Append(incident.Number, entry, ct);
        return $"Follow-up recorded on {incident.Id}: {followUp}";
    }
}
