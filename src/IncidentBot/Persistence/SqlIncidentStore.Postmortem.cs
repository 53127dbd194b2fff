namespace IncidentBot.Persistence;

/// <summary>What the postmortem needs beyond the timeline: key events and what resolving recorded.</summary>
internal sealed partial class SqlIncidentStore
{
    public async Task<bool> MarkKey(long number, string sourceId, bool key, CancellationToken ct) =>
        await Execute(
            "UPDATE timeline SET key_event = @key WHERE incident_id = @number AND source_id = @sourceId",
            new { number, sourceId, key = key ? 1 : 0 },
            ct) > 0;

    /// <summary>
    /// A message id (a Slack ts) is unique within its channel, so the incidents whose threads are in that channel
    /// are enough to find its entry without knowing the thread.
    /// </summary>
    public async Task<bool> MarkKeyByMessage(string platform, string channel, string messageId, bool key, CancellationToken ct) =>
        await Execute(
            """
            UPDATE timeline SET key_event = @key
            WHERE source_id = @messageId
              AND incident_id IN (SELECT id FROM incidents WHERE platform = @platform AND channel = @channel)
            """,
            new { platform, channel, messageId, key = key ? 1 : 0 },
            ct) > 0;

    public Task SetResolution(long number, string verification, string? rootCause, string? resolution, CancellationToken ct) =>
        Execute(
            "UPDATE incidents SET verification = @verification, root_cause = @rootCause, resolution = @resolution WHERE id = @number",
            new { number, verification, rootCause, resolution },
            ct);
}
