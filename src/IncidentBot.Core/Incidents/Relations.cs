using System.Globalization;

namespace IncidentBot.Core.Incidents;

/// <summary>
/// What may be shown of related incidents, and where: one rule for the similar incidents at declare, the links made
/// with <c>related</c>, the question at resolve and the postmortem.
/// </summary>
public static class Relations
{
    /// <summary>
    /// Whether <paramref name="shown"/> may be named in <paramref name="on"/>'s thread, timeline or postmortem: a public
    /// incident anywhere; a private one only on another private incident whose thread is in the same channel, whose
    /// readers can read the private one's thread already.
    /// </summary>
    public static bool MayShow(Incident shown, Incident on) =>
        !shown.IsPrivate || (on.IsPrivate && shown.Thread.Platform == on.Thread.Platform && shown.Thread.Channel == on.Thread.Channel);

    /// <summary>The source id of the answer to "were the checks of the earlier incident repeated?" on the later one's timeline.</summary>
    public static string ReverifySourceId(long earlier) => string.Create(CultureInfo.InvariantCulture, $"reverify:{earlier}");

    /// <summary>The incidents linked to this one that may be shown with it, earliest first.</summary>
    public static async Task<IReadOnlyList<Incident>> Of(IRelatedIncidents links, IIncidentStore incidents, Incident incident, CancellationToken ct)
    {
        var related = new List<Incident>();
        foreach (var number in await links.RelatedTo(incident.Number, ct))
        {
            if (await incidents.Find(number, ct) is { } other && MayShow(other, incident))
            {
                related.Add(other);
            }
        }

        return related;
    }
}
