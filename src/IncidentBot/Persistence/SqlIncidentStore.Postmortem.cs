using Dapper;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Persistence;

/// <summary>
/// What the postmortem needs beyond the timeline: key events, what resolving recorded, the severity and the impact
/// start; and the incidents an alert opened.
/// </summary>
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

    public Task SetSeverity(long number, int severity, CancellationToken ct) =>
        Execute("UPDATE incidents SET severity = @severity WHERE id = @number", new { number, severity }, ct);

    public Task SetImpactStart(long number, DateTimeOffset at, CancellationToken ct) =>
        Execute("UPDATE incidents SET impact_started_at = @at WHERE id = @number", new { number, at = DbTime.ToDb(at) }, ct);

    public async Task<IReadOnlyList<Incident>> ForAlert(string alertKey, CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        var rows = await connection.QueryAsync<IncidentRow>(new CommandDefinition(
            $"SELECT {IncidentRow.Columns} FROM incidents WHERE alert_key = @alertKey ORDER BY id", new { alertKey }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToIncident())];
    }

    public Task SetResolution(long number, string verification, string? rootCause, string? resolution, CancellationToken ct) =>
        Execute(
            "UPDATE incidents SET verification = @verification, root_cause = COALESCE(@rootCause, root_cause), resolution = COALESCE(@resolution, resolution) WHERE id = @number",
            new { number, verification, rootCause, resolution },
            ct);

    public Task SetPostmortemText(long number, string? impact, string? rootCause, string? resolution, CancellationToken ct) =>
        Execute(
            "UPDATE incidents SET impact = @impact, root_cause = @rootCause, resolution = @resolution WHERE id = @number",
            new { number, impact, rootCause, resolution },
            ct);
}
