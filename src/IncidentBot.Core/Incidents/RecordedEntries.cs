using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Incidents;

/// <summary>
/// Reading back what an earlier run recorded. A use case whose keyed entry is already on the timeline finishes its
/// keyed steps from that entry, so the same request processed again after a crash sends what the first run did not.
/// </summary>
public static class RecordedEntries
{
    /// <summary>The bot's entry with this source id (it must exist: its append was refused as a repeat).</summary>
    public static async Task<TimelineEntry> Recorded(this IIncidentStore incidents, long number, string sourceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        return (await incidents.BotEntries(number, ct)).First(e => e.SourceId == sourceId);
    }
}
