using IncidentBot.Core.Actions;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Postmortem;

/// <summary>
/// <c>postmortem</c> and the API's postmortem endpoint: the draft of an incident from what is stored now. Chat
/// messages are limited in length, so the chat answer is cut and points at the endpoint for the whole draft.
/// </summary>
public sealed class DraftPostmortem(IIncidentStore store, IActionStore actions, IRelatedIncidents related)
{
    /// <summary>Slack shows about this many characters of a message before it truncates or refuses it.</summary>
    public const int ChatLimit = 3000;

    public async Task<string> Markdown(Incident incident, CancellationToken ct) =>
        PostmortemDraft.Render(incident, await store.Timeline(incident.Number, ct), await actions.ForIncident(incident.Number, ct), await Relations.Of(related, store, incident, ct));

    public async Task<string> ForChat(Incident incident, CancellationToken ct) =>
        CutForChat(await Markdown(incident, ct), incident);

    public static string CutForChat(string draft, Incident incident)
    {
        if (draft.Length <= ChatLimit)
        {
            return draft;
        }

        var tail = $"\n\n(Cut here. The full draft is at GET /api/incidents/{incident.Id}/postmortem)";
        var cut = draft[..(ChatLimit - tail.Length)];
        var lastLine = cut.LastIndexOf('\n');
        return (lastLine > 0 ? cut[..lastLine] : cut) + tail;
    }
}
