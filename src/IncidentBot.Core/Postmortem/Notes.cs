using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Postmortem;

/// <summary>
/// <c>note &lt;text&gt;</c>: something said outside the thread that belongs on the timeline. Accepted on resolved
/// incidents too. The source id is the request's, so processing a request again (after a crash) records it once.
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
}
